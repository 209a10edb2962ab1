"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardHeader } from "~/components/ui/card";
import { Banner } from "~/components/ui/banner";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { DeleteGroupDialog } from "./delete-group-dialog";
import { DeleteTopicOffsetsDialog } from "./delete-topic-offsets-dialog";
import { ResetOffsetsDialog } from "./reset-offsets-dialog";

/** Members come and go; the actions unlock within a couple of seconds of the last one leaving. */
const GUARD_REFRESH_MS = 2_000;

/** Offset changes for one group: reset with a preview, forget a topic, delete the group. */
export function GroupOffsetsActions({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const trpc = useTRPC();
  const guard = useQuery({
    ...trpc.groups.offsets.guard.queryOptions({ clusterId, groupId }),
    refetchInterval: GUARD_REFRESH_MS,
  });
  const blockedReason = guard.data?.blockedReason ?? null;
  const isBlocked = !guard.data || blockedReason !== null;
  const error = guard.error ? toUserMessage(guard.error) : null;

  return (
    <Card aria-labelledby="group-offsets-title">
      <CardHeader
        title={<span id="group-offsets-title">Committed offsets</span>}
        description="Move where the group resumes, forget a topic, or delete the group. Kafka allows this only while the group has no active members."
      />
      <div className="space-y-3 px-5 py-4">
        {blockedReason ? (
          <p role="status" className="text-warn text-sm font-medium">
            {blockedReason}
          </p>
        ) : null}
        {error ? (
          <Banner tone="danger" title={error.message}>
            {error.hint}
          </Banner>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <ResetOffsetsDialog clusterId={clusterId} groupId={groupId} isBlocked={isBlocked} />
          <DeleteTopicOffsetsDialog clusterId={clusterId} groupId={groupId} isBlocked={isBlocked} />
          <DeleteGroupDialog clusterId={clusterId} groupId={groupId} isBlocked={isBlocked} />
        </div>
      </div>
    </Card>
  );
}
