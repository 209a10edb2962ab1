import type { TEnv } from "../../src/env";

/**
 * Parses the environment before anything else is loaded (every server module reads src/env.ts on
 * import), so a bad variable ends the command with its sentence instead of a stack trace.
 */
export async function loadEnvOrExit(prefix: string): Promise<TEnv> {
  try {
    const { env } = await import("../../src/env");
    return env;
  } catch (error) {
    console.error(`${prefix} ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
