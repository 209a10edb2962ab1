import "server-only";

/**
 * The request as the browser addressed it. Next hands route handlers a URL whose host may differ
 * from the one the browser used (`next start --hostname 127.0.0.1` yields http://localhost:…), and
 * better-auth derives its base URL from it: the redirect URI it sends to the single sign-on
 * provider, which must equal the one registered there, and the origin it trusts. The Host header
 * has passed the allow-list in src/proxy.ts (ALLOWED_HOSTS), so it is the name to use.
 */
export async function withBrowserOrigin(request: Request, secure: boolean): Promise<Request> {
  const host = request.headers.get("host");
  const url = new URL(request.url);
  const origin = `${secure ? "https" : "http"}://${host}`;
  if (!host || url.origin === origin) return request;
  const addressed = new URL(`${url.pathname}${url.search}`, origin);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(addressed, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    signal: request.signal,
  });
}
