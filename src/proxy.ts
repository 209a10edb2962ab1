import { NextResponse, type NextRequest } from "next/server";
import { env } from "~/env";
import { serverAllowedHosts } from "~/server/api/allowed-hosts";
import { refuseForeignHost } from "~/server/api/request-guard";
import { contentSecurityPolicy, newNonce } from "~/server/http/content-security-policy";

/** Pages anyone may open: signing in and the one-time setup and invite links. */
const PUBLIC_PAGES = ["/sign-in", "/setup", "/invite"];

/**
 * Runs before every route (Next 16's successor to middleware):
 * - refuses requests addressed to a host name this server does not answer for (DNS rebinding);
 * - sends page visits without a session cookie to /sign-in (which explains setup while no account
 *   exists). Only the cookie's presence is checked here — cheap, no database; every API call checks
 *   the session itself (trpc.ts), so a stale cookie gets a page whose data is refused;
 * - gives every page a per-request CSP nonce.
 * API routes check Origin, Sec-Fetch-Site and the session themselves, where they also read the body.
 */
export function proxy(request: NextRequest): Response {
  const refusal = refuseForeignHost(request, serverAllowedHosts());
  if (refusal) return refusal;
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) return NextResponse.next();

  const isPublic = PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
  const hasSession = request.cookies.getAll().some((cookie) => /(^|\.)session_token$/.test(cookie.name));
  if (!isPublic && !hasSession && !isAsset(pathname)) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, env.NODE_ENV === "development");
  // Next reads the nonce from the request's CSP header and adds it to its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/** Files with an extension (icon.svg, robots.txt…) carry no data and need no session. */
function isAsset(pathname: string): boolean {
  return /\.[a-z0-9]+$/i.test(pathname);
}

export const config = {
  // Static build output carries no data and no nonce; everything else passes the host check.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
