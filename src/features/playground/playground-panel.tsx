"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import { useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import type { TTopicDescription } from "~/domain/topics/topic-dto";
import type { TPlayground } from "~/domain/playground/playground-dto";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { PlaygroundRun } from "./playground-run";
import { PlaygroundStartForm } from "./playground-start-form";

/** Playgrounds started from another tab show up within this interval. */
const LIST_REFRESH_MS = 5_000;

/** auto: the topic's first running playground, else the form; new: the form; group: that playground. */
type TView = { kind: "auto" } | { kind: "new"; stopped?: TPlayground } | { kind: "group"; groupId: string };

function StoppedNote({ playground }: { playground: TPlayground }) {
  const count = playground.members.filter((member) => member.status === "left").length;
  return (
    <div className="px-5 pt-4" data-testid="playground-stopped">
      <Banner tone="info" title={`The playground in ${playground.groupId} has stopped.`}>
        All its demo processes have ended; {count === 1 ? "1 member" : `${count} members`} left the group gracefully.
        The group keeps its committed offsets.
      </Banner>
    </div>
  );
}

/**
 * The topic's playground: start demo consumer-group members (run by the Tributary server), add,
 * remove or kill them, and watch the group rebalance. One playground per group; a topic may have several.
 */
export function PlaygroundPanel({ clusterId, topic }: { clusterId: string; topic: TTopicDescription }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listInput = { clusterId, topic: topic.name };
  const list = useQuery({ ...trpc.playground.list.queryOptions(listInput), refetchInterval: LIST_REFRESH_MS });
  const [view, setView] = useState<TView>({ kind: "auto" });
  const playgrounds = list.data?.playgrounds ?? [];
  // The one just started is shown even before the list has been refetched.
  const groupId =
    view.kind === "group" ? view.groupId : view.kind === "auto" ? (playgrounds[0]?.groupId ?? null) : null;
  const refreshList = () => queryClient.invalidateQueries({ queryKey: trpc.playground.list.queryKey(listInput) });

  return (
    <div className="space-y-5">
      <Card>
        <CardHeader
          title={
            <span className="flex items-center gap-2">
              <FlaskConical aria-hidden className="size-4" />
              Playground
              <Badge tone="accent">Demo members run by Tributary</Badge>
            </span>
          }
          description="Start real consumer-group members on this topic, then add one, remove one, or kill one without a goodbye — and watch the group rebalance. They run on the Tributary server, in a group of their own."
          actions={
            groupId ? (
              <Button onClick={() => setView({ kind: "new" })} variant="ghost" className="whitespace-nowrap">
                Start another
              </Button>
            ) : null
          }
        />
        {list.isError ? (
          <div className="p-5">
            <Banner
              tone="danger"
              title={toUserMessage(list.error).message}
              actions={<Button onClick={() => void list.refetch()}>Retry</Button>}
            >
              {toUserMessage(list.error).hint}
            </Banner>
          </div>
        ) : !list.data ? (
          <div aria-busy="true" aria-label="Loading the playground" className="space-y-3 p-5">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-2/3" />
          </div>
        ) : (
          <>
            {playgrounds.length > 1 || (playgrounds.length > 0 && !groupId) ? (
              <nav aria-label="Playgrounds on this topic" className="flex flex-wrap gap-2 px-5 pt-4">
                {playgrounds.map((playground) => (
                  <Button
                    key={playground.groupId}
                    variant={playground.groupId === groupId ? "primary" : "secondary"}
                    aria-current={playground.groupId === groupId ? "true" : undefined}
                    onClick={() => setView({ kind: "group", groupId: playground.groupId })}
                  >
                    {playground.groupId}
                  </Button>
                ))}
              </nav>
            ) : null}
            {view.kind === "new" && view.stopped ? <StoppedNote playground={view.stopped} /> : null}
            {groupId ? null : (
              <PlaygroundStartForm
                clusterId={clusterId}
                topic={topic.name}
                partitionCount={topic.partitions.length}
                limits={list.data.limits}
                suggestedGroupId={list.data.suggestedGroupId ?? ""}
                onStarted={(started) => {
                  setView({ kind: "group", groupId: started });
                  void refreshList();
                }}
              />
            )}
          </>
        )}
      </Card>

      {groupId && list.data ? (
        <PlaygroundRun
          key={groupId}
          clusterId={clusterId}
          groupId={groupId}
          limits={list.data.limits}
          onStopped={(stopped) => {
            setView({ kind: "new", stopped });
            void refreshList();
          }}
        />
      ) : null}
    </div>
  );
}
