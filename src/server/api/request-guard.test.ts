import { describe, expect, it } from "vitest";
import {
  MAX_BATCH_CALLS,
  refuseCrossSiteRequest,
  refuseForeignHost,
  refuseLargeBatch,
  withBodyLimit,
} from "./request-guard";

const allowed = ["localhost:3000", "127.0.0.1:3000", "[::1]:3000"];
const app = "http://localhost:3000/api/trpc/topics.delete";

function request(method: string, headers: Record<string, string>, body?: string) {
  return new Request(app, { method, headers: { host: "localhost:3000", ...headers }, body });
}

const sameOriginPost = {
  "content-type": "application/json",
  origin: "http://localhost:3000",
  "sec-fetch-site": "same-origin",
  "x-tributary-request": "1",
};

describe("refuseForeignHost", () => {
  it("answers the names the server is bound to", () => {
    expect(refuseForeignHost(request("GET", {}), allowed)).toBeNull();
  });

  it("refuses a rebound name with 421 and names ALLOWED_HOSTS", async () => {
    const refused = refuseForeignHost(request("GET", { host: "attacker.example:3000" }), allowed);
    expect(refused?.status).toBe(421);
    expect(await refused?.text()).toContain("ALLOWED_HOSTS");
  });
});

describe("refuseCrossSiteRequest", () => {
  it("lets the app's own reads and changes through", () => {
    expect(refuseCrossSiteRequest(request("GET", { "sec-fetch-site": "same-origin" }), allowed)).toBeNull();
    expect(refuseCrossSiteRequest(request("POST", sameOriginPost, "{}"), allowed)).toBeNull();
  });

  it("refuses reads another site's page makes, subscriptions and exports included", () => {
    expect(refuseCrossSiteRequest(request("GET", { "sec-fetch-site": "cross-site" }), allowed)?.status).toBe(403);
    expect(refuseCrossSiteRequest(request("GET", { "sec-fetch-site": "same-site" }), allowed)?.status).toBe(403);
    expect(refuseCrossSiteRequest(request("GET", { origin: "https://attacker.example" }), allowed)?.status).toBe(403);
    expect(refuseCrossSiteRequest(request("GET", { origin: "null" }), allowed)?.status).toBe(403);
  });

  it("refuses a post from another origin, even one with the custom header", () => {
    const post = request(
      "POST",
      { ...sameOriginPost, origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
      "{}",
    );
    expect(refuseCrossSiteRequest(post, allowed)?.status).toBe(403);
    const otherPort = request(
      "POST",
      { ...sameOriginPost, origin: "http://127.0.0.1:3000", "sec-fetch-site": "none" },
      "{}",
    );
    expect(refuseCrossSiteRequest(otherPort, allowed)?.status).toBe(403);
  });

  it("refuses a body that is not JSON with 415", () => {
    const post = request("POST", { ...sameOriginPost, "content-type": "text/plain" }, "{}");
    expect(refuseCrossSiteRequest(post, allowed)?.status).toBe(415);
  });

  it("refuses a post without Origin, Sec-Fetch-Site or the custom header (curl), and accepts it with the header", async () => {
    const curl = request("POST", { "content-type": "application/json" }, "{}");
    const refused = refuseCrossSiteRequest(curl, allowed);
    expect(refused?.status).toBe(403);
    expect(await refused?.text()).toContain("x-tributary-request: 1");
    const script = request("POST", { "content-type": "application/json", "x-tributary-request": "1" }, "{}");
    expect(refuseCrossSiteRequest(script, allowed)).toBeNull();
  });
});

describe("limits", () => {
  it("refuses a batch of more calls than the limit", () => {
    const paths = Array.from({ length: MAX_BATCH_CALLS + 1 }, () => "topics.list").join(",");
    expect(refuseLargeBatch(new URL(`http://localhost:3000/api/trpc/${paths}?batch=1`), "/api/trpc")?.status).toBe(413);
    const fine = Array.from({ length: MAX_BATCH_CALLS }, () => "topics.list").join(",");
    expect(refuseLargeBatch(new URL(`http://localhost:3000/api/trpc/${fine}?batch=1`), "/api/trpc")).toBeNull();
  });

  it("refuses a streamed body past the limit without a Content-Length", async () => {
    const chunk = new Uint8Array(600);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = new Request(app, { method: "POST", body, duplex: "half" } as RequestInit);
    const result = await withBodyLimit(streamed, 1000);
    expect(result instanceof Response ? result.status : 0).toBe(413);
  });

  it("hands on a body within the limit unchanged", async () => {
    const result = await withBodyLimit(request("POST", sameOriginPost, '{"a":1}'), 1000);
    expect(result instanceof Request ? await result.text() : null).toBe('{"a":1}');
  });
});
