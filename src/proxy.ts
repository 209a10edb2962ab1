import { NextResponse, type NextRequest } from "next/server";
import { env } from "~/env";
import { serverAllowedHosts } from "~/server/api/allowed-hosts";
import { refuseForeignHost } from "~/server/api/request-guard";
import { contentSecurityPolicy, newNonce } from "~/server/http/content-security-policy";

/**
 * Runs before every route (Next 16's successor to middleware): refuses requests addressed to a host
 * name this server does not answer for (DNS rebinding), and gives every page a per-request CSP nonce.
 * API routes check Origin and Sec-Fetch-Site themselves, where they also read the body.
 */
export function proxy(request: NextRequest): Response {
  const refusal = refuseForeignHost(request, serverAllowedHosts());
  if (refusal) return refusal;
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();

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

export const config = {
  // Static build output carries no data and no nonce; everything else passes the host check.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
