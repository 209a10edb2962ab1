"use client";

import { useMutation } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { Plus, Square } from "lucide-react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { toUserMessage } from "~/lib/error-message";
import type { TPlayground, TPlaygroundLimits } from "~/domain/playground/playground-dto";
import { useTRPC } from "~/trpc/react";
import { secondsText } from "~/domain/playground/demo-members";
import { PlaygroundGroupLive } from "./playground-group-live";
import { PlaygroundMembersTable } from "./playground-members-table";

type RunProps = {
  clusterId: string;
  groupId: string;
  limits: TPlaygroundLimits;
  /** Called with the playground's last state once every member has left. */
  onStopped: (playground: TPlayground) => void;
};

function newest(...generations: (number | null | undefined)[]): number | null {
  const known = generations.filter((generation): generation is number => typeof generation === "number");
  return known.length > 0 ? Math.max(...known) : null;
}

/** Killed members Kafka still counts: it only notices once their session times out. */
function KilledNotes({ playground, groupMemberIds }: { playground: TPlayground; groupMemberIds: Set<string> | null }) {
  if (groupMemberIds === null) return null;
  const waiting = playground.members.filter(
    (member) => member.status === "killed" && member.memberId !== null && groupMemberIds.has(member.memberId),
  );
  return waiting.map((member) => (
    <div key={member.number} className="px-5 pt-4" data-testid="playground-killed-note">
      <Banner
        tone="warn"
        title={`Member ${member.number} was killed; Kafka will notice after the ${secondsText(playground.sessionTimeoutMs)} session timeout.`}
      >
        It sent no LeaveGroup, so the group keeps its partitions unread until then.
      </Banner>
    </div>
  ));
}

/** A running playground: its demo members with add / remove / kill / stop, and its group live below. */
export function PlaygroundRun({ clusterId, groupId, limits, onStopped }: RunProps) {
  const trpc = useTRPC();
  const watch = useSubscription(trpc.playground.watch.subscriptionOptions({ clusterId, groupId }));
  const groupWatch = useSubscription(trpc.groups.watch.subscriptionOptions({ clusterId, groupId }));
  const add = useMutation(trpc.playground.addMember.mutationOptions());
  const remove = useMutation(trpc.playground.removeMember.mutationOptions());
  const kill = useMutation(trpc.playground.killMember.mutationOptions());
  const stop = useMutation({ ...trpc.playground.stopAll.mutationOptions(), onSuccess: onStopped });

  const event = watch.data;
  const playground = event?.status === "running" ? event.playground : null;
  const group = groupWatch.data?.status === "ok" ? groupWatch.data.group : null;
  const groupMemberIds = group ? new Set(group.members.map((member) => member.memberId)) : null;
  const running = playground?.members.filter((member) => ["starting", "joined", "leaving"].includes(member.status));
  const isFull = (running?.length ?? 0) >= limits.maxMembersPerPlayground;
  const failed = [add, remove, kill, stop].find((mutation) => mutation.error);
  const failure = failed?.error ? toUserMessage(failed.error) : watch.error ? toUserMessage(watch.error) : null;
  const busyMemberNumber = remove.isPending
    ? (remove.variables?.memberNumber ?? null)
    : kill.isPending
      ? (kill.variables?.memberNumber ?? null)
      : null;

  if (event?.status === "stopped") {
    return (
      <Banner tone="info" title={`The playground in ${groupId} has stopped.`}>
        Its members left the group.
      </Banner>
    );
  }

  return (
    <div className="space-y-5">
      <Card aria-labelledby="demo-members-heading">
        <CardHeader
          title={<span id="demo-members-heading">Demo members of {groupId}</span>}
          description={
            playground
              ? `kafkajs consumers in child processes of the Tributary server · session timeout ${secondsText(playground.sessionTimeoutMs)} · ${playground.processingDelayMs} ms per message`
              : "Connecting…"
          }
          actions={
            <div className="flex flex-wrap justify-end gap-2">
              <Button
                onClick={() => add.mutate({ clusterId, groupId })}
                disabled={!playground || add.isPending || isFull || stop.isPending}
                title={isFull ? `A playground runs at most ${limits.maxMembersPerPlayground} members.` : undefined}
              >
                <Plus aria-hidden className="size-4" />
                Add member
              </Button>
              <Button
                onClick={() => stop.mutate({ clusterId, groupId })}
                disabled={!playground || stop.isPending}
                className="text-danger"
              >
                <Square aria-hidden className="size-4" />
                {stop.isPending ? "Stopping…" : "Stop all"}
              </Button>
            </div>
          }
        />
        {failure ? (
          <div className="px-5 pt-4">
            <Banner tone="danger" title={failure.message}>
              {failure.hint}
            </Banner>
          </div>
        ) : null}
        {playground ? <KilledNotes playground={playground} groupMemberIds={groupMemberIds} /> : null}
        {playground ? (
          <div className="pt-2 pb-3">
            <PlaygroundMembersTable
              members={playground.members}
              groupMemberIds={groupMemberIds}
              busyMemberNumber={busyMemberNumber}
              onRemove={(memberNumber) => remove.mutate({ clusterId, groupId, memberNumber })}
              onKill={(memberNumber) => kill.mutate({ clusterId, groupId, memberNumber })}
            />
          </div>
        ) : (
          <div aria-busy="true" aria-label="Loading the demo members" className="space-y-3 p-5">
            <Skeleton className="h-5 w-full" />
            <Skeleton className="h-5 w-2/3" />
          </div>
        )}
      </Card>

      <PlaygroundGroupLive
        clusterId={clusterId}
        groupId={groupId}
        event={groupWatch.data}
        generationId={newest(group?.generationId, playground?.generationId)}
      />
    </div>
  );
}
