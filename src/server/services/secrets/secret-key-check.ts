import "server-only";
import { listSealedClusterSecrets, type TSealedClusterSecrets } from "~/server/db/cluster-secrets";
import { sealedKeyId, type TSecretKey } from "./secret-box";
import { configuredSecretKey } from "./secret-key";

/**
 * Why the server must not start with this key, or null: clusters have stored secrets and there is
 * no key, or they were sealed with another one. The sentences name key ids, never a key.
 */
export function secretKeyProblem(sealed: readonly TSealedClusterSecrets[], key: TSecretKey | null): string | null {
  if (sealed.length === 0) return null;
  const count = `${sealed.length} cluster${sealed.length === 1 ? " has" : "s have"} stored secrets (passwords or private keys)`;
  if (!key) {
    return `${count}, but TRIBUTARY_SECRET_KEY is not set, so they cannot be read. Start Tributary with the key they were encrypted with.`;
  }
  const keyIds = new Set(
    sealed
      .flatMap((row) => [row.saslPasswordEncrypted, row.tlsClientKeyEncrypted])
      .flatMap((value) => (value ? [sealedKeyId(value)] : [])),
  );
  keyIds.delete(key.id);
  if (keyIds.size === 0) return null;
  return `${count} encrypted with key ${[...keyIds].join(", ")}, but TRIBUTARY_SECRET_KEY is key ${key.id}. Start Tributary with that key, or re-encrypt them with \`npm run secrets -- rotate\`.`;
}

/**
 * Run at boot: ends the process with the sentence when the stored secrets cannot be read. A
 * database that does not answer is no reason to stop (each request says so); it is checked on use.
 */
export async function refuseStartWithoutSecretKey(): Promise<void> {
  const sealed = await listSealedClusterSecrets().catch(() => null);
  const problem = sealed && secretKeyProblem(sealed, configuredSecretKey());
  if (!problem) return;
  console.error(`[tributary] ${problem}`);
  process.exit(1);
}
