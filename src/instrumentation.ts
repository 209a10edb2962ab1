/** Runs once when the Next.js server boots: parse the environment so a bad variable stops it at once. */
export async function register() {
  await import("./env");
}
