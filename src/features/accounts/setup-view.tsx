"use client";

import Link from "next/link";
import { Banner } from "~/components/ui/banner";
import { Card } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { LinkForm } from "./link-form";
import { useLinkStatus } from "./use-link-status";

/** The first admin, from the one-time link the server prints at start — or how to find that link. */
export function SetupView({ token }: { token: string | null }) {
  const status = useLinkStatus("setup", token ?? undefined);
  if (status.isPending) return <Skeleton className="mx-auto h-64 max-w-sm" />;
  if (status.isError) return <Banner tone="danger" title={status.error.message} />;
  const { link, hasAdmin } = status.data;
  if (link && token) {
    return (
      <Card className="mx-auto max-w-sm space-y-4 p-6">
        <h1 className="text-lg font-semibold">Create the first admin</h1>
        <p className="text-muted text-sm">This account manages clusters and invites everyone else.</p>
        <LinkForm kind="setup" token={token} email={null} />
      </Card>
    );
  }
  return (
    <Card className="mx-auto max-w-lg space-y-4 p-6">
      <h1 className="text-lg font-semibold">Finish setting up Tributary</h1>
      {hasAdmin ? (
        <Banner tone="info" title="Tributary is already set up.">
          <Link href="/sign-in" className="underline">
            Sign in
          </Link>{" "}
          with your account, or ask an admin for an invite.
        </Banner>
      ) : (
        <Banner
          tone="warn"
          title={token ? "This setup link has expired or was already used." : "No account exists yet."}
        >
          The terminal where Tributary runs (<code>npm start</code>) printed a line{" "}
          <code>Finish setup: http://…/setup?token=…</code>. Open that link to create the first admin. It works once,
          for one hour; restart Tributary to print a new one.
        </Banner>
      )}
    </Card>
  );
}
