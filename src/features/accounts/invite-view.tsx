"use client";

import { Banner } from "~/components/ui/banner";
import { Card } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { LinkForm } from "./link-form";
import { useLinkStatus } from "./use-link-status";

export function InviteView({ token }: { token: string | null }) {
  const status = useLinkStatus("invite", token ?? undefined);
  if (status.isPending) return <Skeleton className="mx-auto h-64 max-w-sm" />;
  if (status.isError) return <Banner tone="danger" title={status.error.message} />;
  const { link } = status.data;
  if (!link || !token) {
    return (
      <Card className="mx-auto max-w-lg p-6">
        <Banner tone="warn" title="This invite link has expired, was revoked or was already used.">
          Ask a Tributary admin for a new invite.
        </Banner>
      </Card>
    );
  }
  return (
    <Card className="mx-auto max-w-sm space-y-4 p-6">
      <h1 className="text-lg font-semibold">Join Tributary</h1>
      <p className="text-muted text-sm">
        You are invited as {link.role === "viewer" ? "a" : "an"} {link.role}.
      </p>
      <LinkForm kind="invite" token={token} email={link.email} />
    </Card>
  );
}
