/**
 * Files the e2e run shares between playwright.config.ts and the specs. `npm test` picks the port;
 * these defaults serve a manual run.
 */
export type TE2eRole = "viewer" | "operator" | "admin";

export const E2E_PORT = Number(process.env.TRIBUTARY_E2E_PORT ?? 3100);

/** The web server's stdout and stderr: the printed setup link, and proof that no secret is logged. */
export const SERVER_LOG = process.env.TRIBUTARY_E2E_SERVER_LOG ?? `.data/test/e2e-server-${E2E_PORT}.log`;

/** Where e2e/accounts.setup.ts stores each role's signed-in browser state (cookies). */
export function storageStatePath(role: TE2eRole): string {
  return `.data/test/e2e-auth-${E2E_PORT}/${role}.json`;
}

/** Each role's account, made once per run; the password is also the canary the log must never show. */
export function e2eAccount(role: TE2eRole): { name: string; email: string; password: string } {
  return {
    name: `E2E ${role}`,
    email: `${role}@e2e.tributary.test`,
    password: `canary-${role}-password-${E2E_PORT}`,
  };
}
