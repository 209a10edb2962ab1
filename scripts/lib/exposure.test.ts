import { describe, expect, it } from "vitest";
import { exposureNotice, urlHost } from "./exposure";

describe("exposureNotice", () => {
  it("says the app is reachable from this machine only, and how to expose it", () => {
    expect(exposureNotice({ HOST: "127.0.0.1", PORT: 3000 })).toEqual({
      isExposed: false,
      text: "Listening on 127.0.0.1:3000 only — set HOST=0.0.0.0 to expose it to your network.",
    });
  });

  it("warns and names the interface when HOST exposes it", () => {
    const notice = exposureNotice({ HOST: "10.1.2.3", PORT: 3000 });
    expect(notice.isExposed).toBe(true);
    expect(notice.text).toMatch(/^Warning: HOST=10\.1\.2\.3 exposes Tributary to your network, on 10\.1\.2\.3:3000\./);
  });

  it("warns for every interface too", () => {
    expect(exposureNotice({ HOST: "0.0.0.0", PORT: 3000 }).isExposed).toBe(true);
  });
});

describe("urlHost", () => {
  it("gives a URL host for each kind of HOST", () => {
    expect(urlHost("0.0.0.0")).toBe("127.0.0.1");
    expect(urlHost("::1")).toBe("[::1]");
    expect(urlHost("localhost")).toBe("localhost");
  });
});
