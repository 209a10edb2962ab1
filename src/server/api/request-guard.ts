import "server-only";

/**
 * Mutations arrive as POST. A browser always sends `Origin` with them, so a POST whose Origin names
 * another site is a cross-site request and is refused; so is any POST that is not JSON (HTML forms
 * cannot send JSON, which closes the classic CSRF route).
 */
export function refuseCrossSiteMutation(request: Request): Response | null {
  if (request.method !== "POST") return null;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) {
    return Response.json({ message: "Tributary accepts only JSON request bodies." }, { status: 415 });
  }
  const origin = request.headers.get("origin");
  if (origin === null) return null; // non-browser clients (scripts, tests)
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== host) {
    return Response.json({ message: "Cross-site requests are refused." }, { status: 403 });
  }
  return null;
}
