import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "./actor";
import { getAuth } from "./auth-instance";
import type { Role } from "./permissions";

/** Cookie header value (name=value; …) from a response's Set-Cookie headers. */
export function cookieHeaderFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");
}

/**
 * Creates an account with `role` and signs it in exactly as the sign-in page does (better-auth's
 * email + password endpoint), returning its cookies. For tests and benchmarks; the app itself
 * creates accounts only through setup and invite links.
 */
export async function createSignedInAccount(
  role: Role,
  options: { password?: string; name?: string } = {},
): Promise<{ actor: Actor; cookie: string; password: string }> {
  const auth = await getAuth(false);
  const context = await auth.$context;
  const email = `${role}-${randomUUID()}@tributary.test`;
  const password = options.password ?? `pw-${randomUUID()}`;
  const name = options.name ?? `Test ${role}`;
  const user = await context.internalAdapter.createUser(
    { name, email, emailVerified: false, role, disabled: false },
    { method: "email-password" },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await context.password.hash(password),
  });
  const signedIn = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  return { actor: { id: user.id, name, email, role }, cookie: cookieHeaderFrom(signedIn.headers), password };
}
