import { getAuth, isSecureRequest } from "~/server/auth/auth-instance";

export const dynamic = "force-dynamic";

/** better-auth's endpoints: sign-in/email, sign-out, get-session (sign-up is off; see account-links). */
async function handler(request: Request): Promise<Response> {
  const auth = await getAuth(isSecureRequest(request.headers, request.url));
  return auth.handler(request);
}

export { handler as GET, handler as POST };
