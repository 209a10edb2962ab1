/**
 * `npm run tributary -- plan|apply|export …`: topic definitions as code, without a browser, on the
 * same services as the web app (see scripts/lib/definitions-cli.ts). Changes are audited as
 * "cli:<OS user>". Exit codes: 0 done, 1 a step, Kafka or the database failed, 2 usage or file errors.
 *   npm run tributary -- plan definitions.yaml --cluster local
 *   npm run -s tributary -- export --layer raw > raw.yaml
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseCliArgs, USAGE } from "./lib/cli-args";
import { loadEnvOrExit } from "./lib/load-env";

const log = (line: string) => console.error(`[tributary] ${line}`);
const args = parseCliArgs(process.argv.slice(2));
if (!args.ok) {
  console.error(`${args.message}\n${USAGE}`);
  process.exit(2);
}
const env = await loadEnvOrExit("[tributary]");
const { openCliDatabase } = await import("./lib/cli-database");
const { readLocalSecretKey } = await import("./lib/local-secret-key");

// npm runs scripts from the project folder; a relative path means the folder the command was typed in.
const typedIn = process.env.INIT_CWD ?? process.cwd();
const resolve = (file: string) => path.resolve(typedIn, file);

let code = 1;
try {
  const database = await openCliDatabase(env, log);
  // Known only now; the app's modules read these from this same env object (as in scripts/secrets.ts).
  env.DATABASE_URL = database.databaseUrl;
  if (!env.TRIBUTARY_SECRET_KEY) env.TRIBUTARY_SECRET_KEY = (await readLocalSecretKey(env)) ?? undefined;
  const { runDefinitionsCommand } = await import("./lib/definitions-cli");
  const controller = new AbortController();
  // Ctrl-C during apply: the running step finishes (Kafka cannot take half of it back), no further step starts.
  process.once("SIGINT", () => {
    log("Stopping after the step that is running …");
    controller.abort();
  });
  try {
    code = await runDefinitionsCommand(
      args.request,
      {
        out: (text) => console.log(text),
        err: log,
        readFile: (file) => readFile(resolve(file), "utf8"),
        writeFile: (file, text) => writeFile(resolve(file), text, "utf8"),
      },
      { signal: controller.signal },
    );
  } finally {
    const { disconnectAllClusters } = await import("../src/server/kafka/client-registry");
    await disconnectAllClusters();
    await database.stop();
  }
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
}
process.exit(code);
