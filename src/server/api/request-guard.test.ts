import { describe, expect, it } from "vitest";
import { refuseCrossSiteMutation } from "./request-guard";

function post(headers: Record<string, string>) {
  return new Request("http://localhost:3000/api/trpc/x", { method: "POST", headers, body: "{}" });
}

describe("refuseCrossSiteMutation", () => {
  it("lets reads through", () => {
    expect(refuseCrossSiteMutation(new Request("http://localhost:3000/api/trpc/x"))).toBeNull();
  });

  it("accepts a same-site JSON post", () => {
    const request = post({
      "content-type": "application/json",
      origin: "http://localhost:3000",
      host: "localhost:3000",
    });
    expect(refuseCrossSiteMutation(request)).toBeNull();
  });

  it("refuses a post from another site", () => {
    const request = post({
      "content-type": "application/json",
      origin: "https://evil.example",
      host: "localhost:3000",
    });
    expect(refuseCrossSiteMutation(request)?.status).toBe(403);
  });

  it("refuses a form post", () => {
    const request = post({ "content-type": "application/x-www-form-urlencoded", host: "localhost:3000" });
    expect(refuseCrossSiteMutation(request)?.status).toBe(415);
  });
});
