"use client";

import { Radio } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Select } from "~/components/ui/input";
import type { TTopicDescription } from "~/domain/topics/topic-dto";
import { DecoderSelect } from "../view/decoder-select";
import { MessageTable } from "../view/message-table";
import { useMessageParams } from "../messages-url";
import { TAIL_SCREEN_CAP } from "./tail-buffer";
import { TailConnectionBadge, TailConnectionBanner, TailCounters } from "./tail-status";
import { useTail } from "./use-tail";

/** The shared `partition` key: "all" or a partition of this topic; anything else means all. */
function parsePartition(value: string | null, topic: TTopicDescription): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const partition = Number(value);
  return topic.partitions.some((candidate) => candidate.partition === partition) ? partition : null;
}

/** How many of the newest messages a tail shows first (URL key `last`). */
const LAST_CHOICES = [0, 20, 100, 500] as const;

function parseLast(value: string | null): number {
  return LAST_CHOICES.find((choice) => String(choice) === value) ?? 0;
}

/** New messages of the topic as they arrive, newest on top; pausing keeps the rows still. */
export function TailView({ clusterId, topic }: { clusterId: string; topic: TTopicDescription }) {
  const { params, update } = useMessageParams();
  const partition = parsePartition(params.get("partition"), topic);
  const last = parseLast(params.get("last"));
  // A new choice is a new tail: fresh rows and counters.
  return (
    <TailSession
      key={`${partition ?? "all"}/${last}`}
      clusterId={clusterId}
      topic={topic}
      partition={partition}
      last={last}
      onPartition={(next) => update({ partition: next === null ? "all" : String(next) })}
      onLast={(next) => update({ last: next === 0 ? null : String(next) })}
    />
  );
}

function TailSession(props: {
  clusterId: string;
  topic: TTopicDescription;
  partition: number | null;
  last: number;
  onPartition: (partition: number | null) => void;
  onLast: (last: number) => void;
}) {
  const { clusterId, topic, partition, last } = props;
  const [isRunning, setRunning] = useState(true);
  const tail = useTail({ clusterId, topic: topic.name, partition, last, isRunning });
  const partitionId = useId();
  const lastId = useId();
  const { screen } = tail;

  return (
    <section aria-label="Live tail" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor={partitionId} className="block text-sm font-medium">
            Partition
          </label>
          <Select
            id={partitionId}
            className="w-40"
            value={partition === null ? "all" : String(partition)}
            onChange={(event) => props.onPartition(event.target.value === "all" ? null : Number(event.target.value))}
          >
            <option value="all">All partitions</option>
            {topic.partitions.map((candidate) => (
              <option key={candidate.partition} value={String(candidate.partition)}>
                Partition {candidate.partition}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor={lastId} className="block text-sm font-medium">
            Start with
          </label>
          <Select
            id={lastId}
            className="w-44"
            value={String(last)}
            onChange={(event) => props.onLast(parseLast(event.target.value))}
          >
            {LAST_CHOICES.map((choice) => (
              <option key={choice} value={String(choice)}>
                {choice === 0 ? "New messages only" : `The last ${choice}`}
              </option>
            ))}
          </Select>
        </div>
        <DecoderSelect clusterId={clusterId} topic={topic.name} />
        <div className="flex items-center gap-2">
          {isRunning ? (
            <Button onClick={() => (screen.isPaused ? tail.resume() : tail.pause())} aria-pressed={screen.isPaused}>
              {screen.isPaused ? "Resume" : "Pause"}
            </Button>
          ) : null}
          <Button variant={isRunning ? "secondary" : "primary"} onClick={() => setRunning(!isRunning)}>
            {isRunning ? "Stop" : "Start"}
          </Button>
          <Button variant="ghost" onClick={tail.clear}>
            Clear
          </Button>
        </div>
        <div className="ml-auto">
          <TailConnectionBadge connection={tail.connection} />
        </div>
      </div>

      <TailConnectionBanner connection={tail.connection} onRetry={tail.retry} />
      <TailCounters screen={screen} rate={tail.rate} />

      <MessageTable
        clusterId={clusterId}
        topic={topic.name}
        messages={screen.rows}
        newestFirst
        aria-label={`Live messages of ${topic.name}`}
        empty={
          <EmptyState
            icon={<Radio aria-hidden className="size-6" />}
            title={isRunning ? "Waiting for new messages" : "The tail is stopped"}
          >
            {isRunning
              ? `Messages produced to ${partition === null ? "any partition" : `partition ${partition}`} from now on appear here, newest on top; the last ${TAIL_SCREEN_CAP} stay on screen.`
              : "Start it to see messages produced from then on."}
          </EmptyState>
        }
      />
    </section>
  );
}
