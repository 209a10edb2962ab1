import { describe, expect, it } from "vitest";
import { ssoFailure } from "./single-sign-on";

describe("ssoFailure", () => {
  it("says why a refused sign-in was refused, naming the provider", () => {
    expect(ssoFailure("account_disabled", "Okta")).toBe(
      "This account is disabled. Ask a Tributary admin to enable it.",
    );
    expect(ssoFailure("email_not_verified", "Okta")).toMatch(/^Okta has not verified your email address/);
    expect(ssoFailure("access_denied", "Okta")).toMatch(/^Signing in at Okta was cancelled or refused/);
  });

  it("answers a code it does not know with a general sentence, never the code itself", () => {
    const sentence = ssoFailure("<script>alert(1)</script>", "Okta");
    expect(sentence).toBe(
      "Tributary could not sign you in with Okta. Try again; if it persists, check the server log.",
    );
  });
});
