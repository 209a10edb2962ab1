import { getAuth, isSecureRequest } from "~/server/auth/auth-instance";
import { withBrowserOrigin } from "~/server/auth/browser-origin";

export const dynamic = "force-dynamic";

/**
 * better-auth's endpoints: sign-in/email, sign-out, get-session (sign-up is off; see account-links),
 * and with single sign-on configured sign-in/social and callback/oidc.
 */
async function handler(request: Request): Promise<Response> {
  const secure = isSecureRequest(request.headers, request.url);
  const auth = await getAuth(secure);
  return auth.handler(await withBrowserOrigin(request, secure));
}

export { handler as GET, handler as POST };
