import "server-only";
import { env } from "~/env";
import { createSetupTokenIfNoAdmin } from "./account-links";

/**
 * At boot, while no admin exists, prints the one-time link that makes the first one. Only the
 * terminal that started Tributary sees it — whoever can read it controls the server anyway.
 */
export async function announceSetupLink(): Promise<void> {
  try {
    const token = await createSetupTokenIfNoAdmin();
    if (!token) return;
    // next start sets PORT to the port it listens on before the server loads this code.
    console.log(`Finish setup: http://localhost:${env.PORT}/setup?token=${token}`);
    console.log("(The link works once, for one hour; restart Tributary for a new one.)");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `Could not prepare the first-admin setup link: ${reason} Restart Tributary once PostgreSQL is reachable.`,
    );
  }
}
