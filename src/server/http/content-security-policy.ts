import "server-only";

/** A fresh, unguessable nonce per page request (128 bits, base64). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The page's Content-Security-Policy. Scripts run only with this request's nonce, which Next adds to
 * its own scripts (it reads the nonce from this header on the request); 'strict-dynamic' lets those
 * load the app's chunks. No inline script runs without it, so injected markup cannot execute.
 *
 * Styles allow inline: React and recharts write style attributes in server-rendered markup, which a
 * nonce cannot cover, and a style cannot run code. `next dev` needs eval for React's debugging aids.
 */
export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
