"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMe } from "~/components/auth/use-me";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

/** Admins mark a cluster read-only: every change through Tributary is then refused before Kafka is asked. */
export function ReadOnlySwitch({ clusterId, isReadOnly }: { clusterId: string; isReadOnly: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const permission = useMe().can("admin");
  const change = useMutation({
    ...trpc.clusters.setReadOnly.mutationOptions(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.clusters.list.queryKey() }),
  });
  const error = change.error ? toUserMessage(change.error) : null;
  const checked = change.variables && change.isSuccess ? change.variables.isReadOnly : isReadOnly;
  return (
    <label className="flex items-center gap-2 text-sm" title={permission.reason}>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={!permission.allowed || change.isPending}
        onChange={(event) => change.mutate({ clusterId, isReadOnly: event.target.checked })}
      />
      Read-only
      {error ? <span className="text-danger">{error.message}</span> : null}
    </label>
  );
}
