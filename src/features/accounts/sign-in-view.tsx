"use client";

import { Banner } from "~/components/ui/banner";
import { Card } from "~/components/ui/card";
import { SignInForm } from "./sign-in-form";
import { useLinkStatus } from "./use-link-status";
import { SetupView } from "./setup-view";

/** Sign in — or, while no account exists, how to finish setup. */
export function SignInView({ next }: { next: string }) {
  const status = useLinkStatus();
  if (status.data && !status.data.hasAccounts) return <SetupView token={null} />;
  return (
    <Card className="mx-auto max-w-sm space-y-4 p-6">
      <h1 className="text-lg font-semibold">Sign in to Tributary</h1>
      <SignInForm next={next} />
      <Banner tone="info" title="No account yet?">
        Ask a Tributary admin for an invite link.
      </Banner>
    </Card>
  );
}
