import { NextResponse, type NextRequest } from "next/server";

/** Pages anyone may open: signing in and the one-time setup and invite links. */
const PUBLIC_PAGES = ["/sign-in", "/setup", "/invite"];

/**
 * Sends page visits without a session cookie to /sign-in (which explains setup while no account
 * exists). Only the cookie's presence is checked here — cheap, no database; every API call checks
 * the session itself (trpc.ts), so a stale cookie gets a page whose data is refused.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`))) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((cookie) => /(^|\.)session_token$/.test(cookie.name));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

// Pages only: API routes answer 401 with a sentence themselves; static assets need no session.
export const config = { matcher: ["/((?!api/|_next/|favicon.ico|.*\\.[a-z0-9]+$).*)"] };
