"use client";

import { useQuery } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { canReplayGroup, deadLetterGroups } from "./dead-letter-groups";
import { DeadLetterList } from "./dead-letter-list";
import { ErrorLine } from "./error-line";
import { LiveSection } from "./live-section";
import { ReplayDialog } from "./replay-dialog";

/** Records shown per read; the server reads the newest ones of the dead-letter topic. */
const LIMIT = 100;

/**
 * The newest records of the dead-letter topic (of one step, or of all), grouped by step, each group
 * with its "Replay into <input topic>". Reading them is a read of message data (one audit row), so
 * it happens when the section opens and on Refresh, not on a timer.
 */
export function DeadLettersSection({
  clusterId,
  pipelineId,
  document,
  topic,
  nodeId,
}: {
  clusterId: string;
  pipelineId: string;
  document: TPipelineDocument;
  topic: string;
  nodeId?: string;
}) {
  const trpc = useTRPC();
  const read = useQuery({
    ...trpc.runtime.deadLetters.queryOptions({ clusterId, pipelineId, nodeId, limit: LIMIT }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const groups = read.data ? deadLetterGroups(document, read.data) : [];
  return (
    <LiveSection
      title={
        <>
          Dead letters <span className="text-muted font-mono text-xs font-normal">{topic}</span>
        </>
      }
      actions={
        <Button variant="ghost" className="h-7 px-2" disabled={read.isFetching} onClick={() => void read.refetch()}>
          <RefreshCw aria-hidden className="size-3.5" />
          Refresh
        </Button>
      }
    >
      {read.error ? (
        <ErrorLine error={read.error} />
      ) : !read.data ? (
        <Skeleton className="h-24 w-full" />
      ) : groups.length === 0 ? (
        <p className="text-muted text-xs">
          {nodeId ? "This step has sent no record" : "No step has sent a record"} to the dead-letter topic that is still
          in it.
        </p>
      ) : (
        groups.map((group) => (
          <div key={group.nodeId} className="space-y-2" data-testid={`dead-letter-group-${group.nodeId}`}>
            <p className="text-xs">
              <span className="font-medium">{group.stepName}</span>:{" "}
              {group.records.length >= LIMIT
                ? `the newest ${LIMIT} records`
                : pluralize(group.records.length, "record")}
            </p>
            <DeadLetterList records={group.records} />
            {canReplayGroup(document, group) ? (
              <ReplayDialog
                clusterId={clusterId}
                pipelineId={pipelineId}
                nodeId={group.nodeId}
                stepName={group.stepName}
                inputTopic={group.inputTopic}
                records={group.records}
              />
            ) : null}
          </div>
        ))
      )}
    </LiveSection>
  );
}
