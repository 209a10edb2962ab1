"use client";

import { Banner } from "~/components/ui/banner";
import { Card } from "~/components/ui/card";
import { SignInForm } from "./sign-in-form";
import { SsoSignIn } from "./sso-sign-in";
import { useLinkStatus } from "./use-link-status";
import { SetupView } from "./setup-view";

/**
 * Sign in — or, while no account exists, how to finish setup. `sso` is the single sign-on
 * provider's name when one is configured; `ssoError` the code a failed single sign-on brought back.
 */
export function SignInView({ next, sso, ssoError }: { next: string; sso: string | null; ssoError: string | null }) {
  const status = useLinkStatus();
  if (status.data && !status.data.hasAccounts) return <SetupView token={null} />;
  return (
    <Card className="mx-auto max-w-sm space-y-4 p-6">
      <h1 className="text-lg font-semibold">Sign in to Tributary</h1>
      {sso ? (
        <>
          <SsoSignIn providerName={sso} next={next} error={ssoError} />
          <p className="text-muted text-center text-xs" aria-hidden="true">
            or with your password
          </p>
        </>
      ) : null}
      <SignInForm next={next} autoFocus={!sso} />
      <Banner tone="info" title="No account yet?">
        {sso
          ? `Sign in with ${sso}, or ask a Tributary admin for an invite link.`
          : "Ask a Tributary admin for an invite link."}
      </Banner>
    </Card>
  );
}
