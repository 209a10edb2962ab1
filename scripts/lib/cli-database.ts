import path from "node:path";
import type { TEnv } from "../../src/env";
import { EMBEDDED_SUPERUSER, isInitialised, readSuperuserPassword } from "../../src/server/db/embedded-initdb";
import { isPortFree } from "../../src/server/db/port-check";
import { assertDatabaseReachable } from "../../src/server/db/reachability";
import { startDatabase, type Service } from "./local-services";

/**
 * The database for a command run next to Tributary: DATABASE_URL when set; else the embedded
 * PostgreSQL of a running Tributary (same data folder, same port), connected to as it is — starting
 * the embedded server here would first stop the one the app is using (clearStalePostmaster); else
 * the embedded server started for this command and stopped after it.
 */
export async function openCliDatabase(
  env: TEnv,
  log: (line: string) => void,
): Promise<Service<{ databaseUrl: string }>> {
  const dataDir = path.join(env.TRIBUTARY_DATA_DIR, "postgres");
  const port = env.EMBEDDED_POSTGRES_PORT;
  if (env.DATABASE_URL || !(await isInitialised(dataDir)) || (await isPortFree(port))) return startDatabase(env, log);
  const password = encodeURIComponent(await readSuperuserPassword(dataDir));
  const databaseUrl = `postgresql://${EMBEDDED_SUPERUSER}:${password}@127.0.0.1:${port}/tributary`;
  await assertDatabaseReachable(databaseUrl);
  log(`PostgreSQL: the embedded one Tributary is running (port ${port}).`);
  return { databaseUrl, stop: async () => {} };
}
