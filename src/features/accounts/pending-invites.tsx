"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

/** Invites whose links still work; revoking one makes its link stop working at once. */
export function PendingInvites() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invites = useQuery(trpc.admin.users.invites.queryOptions());
  const revoke = useMutation({
    ...trpc.admin.users.revokeInvite.mutationOptions(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.invites.queryKey() }),
  });
  const failure = revoke.error ?? invites.error;
  const message = failure ? toUserMessage(failure) : null;

  if (invites.isPending) return <Skeleton className="h-16" />;
  return (
    <div className="space-y-3">
      {message ? (
        <Banner tone="danger" title={message.message}>
          {message.hint}
        </Banner>
      ) : null}
      {invites.data?.length ? (
        <table className="w-full text-sm" data-testid="pending-invites">
          <thead className="text-muted text-left">
            <tr>
              <th className="py-2">Email</th>
              <th>Role</th>
              <th>Expires</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {invites.data.map((invite) => (
              <tr key={invite.id} className="border-line border-t">
                <td className="py-2">{invite.email}</td>
                <td>{invite.role}</td>
                <td>{invite.expiresAt.toLocaleString()}</td>
                <td className="text-right">
                  <Button
                    aria-label={`Revoke the invite for ${invite.email}`}
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate({ inviteId: invite.id })}
                  >
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-muted text-sm">No invite is waiting: every link sent so far was used, revoked or expired.</p>
      )}
    </div>
  );
}
