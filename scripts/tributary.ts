/**
 * `npm run tributary -- plan|apply|export …`: topic definitions as code, without a browser, on the
 * same services as the web app (see scripts/lib/definitions-cli.ts). Changes are audited as
 * "cli:<OS user>". Exit codes: 0 done, 1 a step, Kafka or the database failed, 2 usage or file errors.
 * `validate <pipeline.yaml>` checks a pipeline file offline (scripts/lib/pipelines-cli.ts): 1 when it
 * breaks a rule.
 *   npm run tributary -- plan definitions.yaml --cluster local
 *   npm run -s tributary -- export --layer raw > raw.yaml
 *   npm run tributary -- validate pipeline.yaml
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
// npm runs scripts from the project folder; a relative path means the folder the command was typed in.
const typedIn = process.env.INIT_CWD ?? process.cwd();
const resolve = (file: string) => path.resolve(typedIn, file);

if (args.request.command === "validate") {
  // Offline: no environment, database or cluster, so it runs anywhere the file is (CI, a laptop).
  const { runValidateCommand } = await import("./lib/pipelines-cli");
  const code = await runValidateCommand(args.request.file, {
    out: (line) => console.log(line),
    readFile: (file) => readFile(resolve(file), "utf8"),
  });
  process.exit(code);
}
const request = args.request;
const env = await loadEnvOrExit("[tributary]");
const { openCliDatabase } = await import("./lib/cli-database");
const { readLocalSecretKey } = await import("./lib/local-secret-key");

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
      request,
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
