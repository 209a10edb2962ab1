"use client";

import { useState } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { OIDC_PROVIDER_ID, SSO_ERROR_PAGE, ssoFailure } from "~/domain/single-sign-on";

/**
 * "Sign in with <provider>": asks Tributary for the provider's authorization address and goes
 * there; the provider sends the browser back to /api/auth/callback/oidc, which signs in and opens
 * `next` (or comes back here with `?error=`, shown above the forms as `error`).
 */
export function SsoSignIn({ providerName, next, error }: { providerName: string; next: string; error: string | null }) {
  const [failure, setFailure] = useState<string | null>(error === null ? null : ssoFailure(error, providerName));
  const [isPending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    setFailure(null);
    const retry = next === "/" ? SSO_ERROR_PAGE : `${SSO_ERROR_PAGE}?next=${encodeURIComponent(next)}`;
    const response = await fetch("/api/auth/sign-in/social", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        provider: OIDC_PROVIDER_ID,
        callbackURL: next,
        errorCallbackURL: retry,
        disableRedirect: true,
      }),
    }).catch(() => null);
    const body = response?.ok ? ((await response.json().catch(() => null)) as { url?: unknown } | null) : null;
    if (typeof body?.url === "string") {
      // A navigation, not a form post: the page's CSP (form-action 'self') would stop a form redirected away.
      window.location.assign(body.url);
      return;
    }
    setPending(false);
    if (!response) setFailure("Tributary did not answer. Check that it is running.");
    else if (response.status === 429) setFailure("Too many sign-in attempts from here. Wait a minute and try again.");
    else setFailure(`Tributary could not reach ${providerName}. Try again; if it persists, check the server log.`);
  }

  return (
    <div className="space-y-3">
      {failure ? <Banner tone="danger" title={failure} /> : null}
      <Button variant="primary" className="w-full justify-center" onClick={onClick} disabled={isPending}>
        {isPending ? `Opening ${providerName}…` : `Sign in with ${providerName}`}
      </Button>
    </div>
  );
}
