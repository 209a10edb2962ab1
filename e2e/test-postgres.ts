import { spawn } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Stops and starts the run's own PostgreSQL (the embedded one `npm test` starts when DATABASE_URL
 * is unset) with its own `pg_ctl`, as an operator would. The restarted server is detached from
 * the Playwright worker, so it outlives a failing test; `npm test` stops whatever server runs in
 * the data folder at the end (src/server/db/test-database.ts).
 */

/** The data folder of the run's embedded PostgreSQL; null when the run uses a server of DATABASE_URL. */
export function testPostgresDir(): string | null {
  return process.env.TRIBUTARY_TEST_POSTGRES_DIR || null;
}

/** The server's own command line, as PostgreSQL recorded it at its last start: binary, then quoted arguments. */
async function recordedCommandLine(dataDir: string): Promise<{ binDir: string; args: string[] }> {
  const line = (await readFile(path.join(dataDir, "postmaster.opts"), "utf8")).trim();
  const firstQuote = line.indexOf(' "');
  const binary = firstQuote === -1 ? line : line.slice(0, firstQuote);
  const args = [...line.slice(binary.length).matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!);
  // pg_ctl names the data folder itself.
  const withoutDataDir = args.filter((arg, index) => arg !== "-D" && args[index - 1] !== "-D");
  return { binDir: path.dirname(binary), args: withoutDataDir };
}

const shellQuote = (arg: string) => `"${arg.replace(/(["\\$`])/g, "\\$1")}"`;

/** Runs pg_ctl as the data folder's owner: PostgreSQL refuses to run as root, like embedded.ts's server. */
async function pgCtl(dataDir: string, args: string[]): Promise<void> {
  const { binDir } = await recordedCommandLine(dataDir);
  const owner = await stat(dataDir);
  const asOwner = process.getuid?.() === 0 ? { uid: owner.uid, gid: owner.gid } : {};
  const child = spawn(path.join(binDir, "pg_ctl"), ["-D", dataDir, ...args], { ...asOwner, stdio: "pipe" });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`pg_ctl ${args[0]} failed (exit ${code}): ${output.trim()}`);
}

/** Fast shutdown (sessions are ended, as `pg_ctl stop` does by default); resolves once the server is gone. */
export async function stopTestPostgres(dataDir: string): Promise<void> {
  await pgCtl(dataDir, ["stop", "-m", "fast", "-w"]);
}

/** Starts the server again with the command line it last ran with; resolves once it accepts connections. */
export async function startTestPostgres(dataDir: string): Promise<void> {
  const { args } = await recordedCommandLine(dataDir);
  const log = path.join(dataDir, "restarted.log");
  await pgCtl(dataDir, ["start", "-w", "-l", log, "-o", args.map(shellQuote).join(" ")]);
}
