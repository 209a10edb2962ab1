import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZRedeemLink } from "~/domain/accounts";
import { AppError } from "~/lib/app-error";
import { toTRPCError } from "~/server/api/error-formatter";
import { describeLink, hasActiveAdmin, hasAnyAccount, redeemLink } from "~/server/auth/account-links";
import { isSecureRequest } from "~/server/auth/auth-instance";

export const dynamic = "force-dynamic";

/**
 * What the sign-in, setup and invite pages need before their forms: whether any account or admin
 * exists, and whether the link in the address bar still works (and for which role and email).
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind");
  const token = params.get("token");
  try {
    const link = (kind === "setup" || kind === "invite") && token ? await describeLink(kind, token) : null;
    const [hasAccounts, hasAdmin] = await Promise.all([hasAnyAccount(), hasActiveAdmin()]);
    return Response.json({ link, hasAccounts, hasAdmin }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const message = error instanceof AppError ? error.message : "Tributary could not check the link.";
    return Response.json({ message }, { status: 503 });
  }
}

/**
 * Redeems a one-time setup or invite link: creates the account, signs it in (Set-Cookie) and
 * answers `{ ok: true }`, or `{ message, hint, fieldErrors }` with the sentence to show.
 */
export async function POST(request: Request): Promise<Response> {
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return Response.json({ message: "Send the form as JSON." }, { status: 415 });
  }
  const parsed = ZRedeemLink.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return Response.json({ message: "Check the highlighted fields.", fieldErrors }, { status: 400 });
  }
  try {
    const cookies = await redeemLink(parsed.data, request.headers, isSecureRequest(request.headers, request.url));
    const response = Response.json({ ok: true });
    for (const cookie of cookies.getSetCookie()) response.headers.append("set-cookie", cookie);
    return response;
  } catch (error) {
    if (error instanceof AppError) {
      const status = getHTTPStatusCodeFromError(toTRPCError(error));
      return Response.json({ message: error.message, hint: error.hint ?? null }, { status });
    }
    // Never the error itself: it may carry the request body (the password).
    console.error("account link redemption failed:", error instanceof Error ? error.name : "unknown error");
    return Response.json({ message: "Tributary could not create the account. Try again." }, { status: 500 });
  }
}
