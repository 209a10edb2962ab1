/**
 * `npm run secrets -- rotate [--new-key-file <path>]`: re-encrypts every stored cluster secret with
 * a new key, in one transaction. The old key is TRIBUTARY_SECRET_KEY (or, for the two-command start,
 * TRIBUTARY_DATA_DIR/secret-key); the new one is read from the file or, without it, from the first
 * line of stdin — never from argv, which `ps` shows. Stop Tributary first and start it again with the
 * new key (npm start's key file is updated here).
 *   openssl rand -base64 32 > new.key && npm run secrets -- rotate --new-key-file new.key
 */
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { loadEnvOrExit } from "./lib/load-env";

const log = (line: string) => console.log(`[secrets] ${line}`);
const env = await loadEnvOrExit("[secrets]");
const { readLocalSecretKey, writeLocalSecretKey, localSecretKeyPath } = await import("./lib/local-secret-key");
const { startDatabase } = await import("./lib/local-services");

async function firstLineOfStdin(): Promise<string> {
  if (process.stdin.isTTY) log("Paste the new key and press Enter:");
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return "";
}

async function newKeyText(args: string[]): Promise<string> {
  const at = args.indexOf("--new-key-file");
  if (at === -1) return firstLineOfStdin();
  const file = args[at + 1];
  if (!file) throw new Error("--new-key-file needs a path.");
  return (await readFile(file, "utf8")).trim();
}

async function rotate(args: string[]): Promise<void> {
  const usesLocalKey = !env.TRIBUTARY_SECRET_KEY && !env.DATABASE_URL;
  const oldText = env.TRIBUTARY_SECRET_KEY ?? (await readLocalSecretKey(env));
  if (!oldText) throw new Error("TRIBUTARY_SECRET_KEY is not set, so there is no key to rotate from.");
  const { parseSecretKey } = await import("../src/server/services/secrets/secret-box");
  const oldKey = parseSecretKey(oldText);
  const newText = (await newKeyText(args)).trim();
  const newKey = parseSecretKey(newText, "The new key");
  if (newKey.id === oldKey.id)
    throw new Error("The new key is the key in use; generate another (`openssl rand -base64 32`).");
  const database = await startDatabase(env, log);
  // The embedded database's URL is known only now; the app's modules read it from this same env object.
  env.DATABASE_URL = database.databaseUrl;
  try {
    const { rotateClusterSecrets } = await import("../src/server/services/secrets/rotate-secrets");
    const count = await rotateClusterSecrets(oldKey, newKey);
    log(
      `Re-encrypted the secrets of ${count} cluster${count === 1 ? "" : "s"} from key ${oldKey.id} to key ${newKey.id}.`,
    );
    if (usesLocalKey) {
      await writeLocalSecretKey(env, newText);
      log(`${localSecretKeyPath(env)} now holds the new key.`);
    } else log("Start Tributary with the new key as TRIBUTARY_SECRET_KEY.");
  } finally {
    await database.stop();
  }
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command !== "rotate") throw new Error("Usage: npm run secrets -- rotate [--new-key-file <path>]");
  await rotate(args);
  process.exit(0);
} catch (error) {
  console.error(`[secrets] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
