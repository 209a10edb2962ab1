import "server-only";
import { isHostAllowed } from "./allowed-hosts";

/**
 * The header every state-changing request must carry (the tRPC client sends it). A page on another
 * site cannot add a custom header without a CORS preflight, which Tributary never grants, so even a
 * browser that sends neither Origin nor Sec-Fetch-Site cannot forge a mutation; a script (curl) has
 * to add it on purpose.
 */
export const TRIBUTARY_REQUEST_HEADER = "x-tributary-request";

/** The largest tRPC request body by default, and for a produce call (its payload may reach 8 MiB, escaped). */
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_PRODUCE_BODY_BYTES = 20 * 1024 * 1024;
/** The most procedure calls one tRPC batch may carry; the client's batch link splits at the same number. */
export const MAX_BATCH_CALLS = 20;

function refusal(status: number, sentence: string): Response {
  return new Response(`${sentence}\n`, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}

/**
 * Every request must name this server in its Host header. A foreign name means DNS rebinding (a page
 * on attacker.example whose name now resolves to 127.0.0.1) or a name the operator has not allowed.
 */
export function refuseForeignHost(request: Request, allowed: readonly string[]): Response | null {
  const host = request.headers.get("host") ?? "";
  if (isHostAllowed(host, allowed)) return null;
  return refusal(
    421,
    `Tributary does not answer requests addressed to ${JSON.stringify(host)}. If people reach it under that name, add it to ALLOWED_HOSTS (now: ${allowed.join(",")}).`,
  );
}

function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host.toLowerCase() : null;
  } catch {
    return null; // includes the opaque origin "null" (sandboxed frames, file: pages)
  }
}

/**
 * API requests (tRPC queries, mutations and subscriptions, the export download). Reads are refused
 * when the browser says they come from another site, since a query or a stream of messages can leak
 * data; mutations must prove they come from Tributary's own pages.
 */
export function refuseCrossSiteRequest(request: Request, allowed: readonly string[]): Response | null {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") {
    return refusal(403, "Tributary refuses requests that another site's page makes on your behalf.");
  }
  const origin = request.headers.get("origin");
  const fromOrigin = origin === null ? null : originHost(origin);
  if (origin !== null && (fromOrigin === null || !isHostAllowed(fromOrigin, allowed))) {
    return refusal(403, `Tributary refuses requests from pages of ${JSON.stringify(origin)}.`);
  }
  if (request.method === "GET" || request.method === "HEAD") return null;

  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) {
    return refusal(415, "Tributary accepts only JSON request bodies (Content-Type: application/json).");
  }
  const host = (request.headers.get("host") ?? "").toLowerCase();
  if (fromOrigin !== null && fromOrigin !== host) {
    return refusal(403, `Tributary refuses changes requested by pages of ${JSON.stringify(origin)}.`);
  }
  if (request.headers.get(TRIBUTARY_REQUEST_HEADER) !== "1") {
    return refusal(
      403,
      `Tributary refuses changes without the header ${TRIBUTARY_REQUEST_HEADER}: 1, which its own pages send; scripts must send it too.`,
    );
  }
  return null;
}

/** How many procedure calls a tRPC request carries: `a,b,c` in the path of a batch, else one. */
export function batchCallCount(url: URL, endpoint: string): number {
  if (url.searchParams.get("batch") !== "1") return 1;
  return decodeURIComponent(url.pathname.slice(endpoint.length + 1)).split(",").length;
}

export function refuseLargeBatch(url: URL, endpoint: string): Response | null {
  const calls = batchCallCount(url, endpoint);
  if (calls <= MAX_BATCH_CALLS) return null;
  return refusal(413, `One request may carry at most ${MAX_BATCH_CALLS} calls; this one carries ${calls}.`);
}

/**
 * Reads a request's body up to `limit` bytes and returns an equivalent request to hand on, or a 413
 * as soon as the body (announced or streamed) passes the limit — so a huge body is never buffered.
 */
export async function withBodyLimit(request: Request, limit: number): Promise<Request | Response> {
  if (request.method === "GET" || request.method === "HEAD" || request.body === null) return request;
  const tooLarge = () =>
    refusal(413, `The request body is larger than the ${Math.round(limit / 1024)} KiB Tributary accepts.`);
  const announced = Number(request.headers.get("content-length") ?? "0");
  if (announced > limit) return tooLarge();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}
