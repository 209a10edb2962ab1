import { run } from "./child";

/** Regenerates the Prisma client when schema.prisma changed (the script skips the work otherwise). */
export async function runPrismaGenerate(): Promise<void> {
  const code = await run(process.execPath, ["scripts/prisma-generate.mjs"]);
  if (code !== 0) throw new Error("Generating the Prisma client failed; the reason is printed above.");
}
