import type { TTopicPartition } from "~/domain/topics/topic-dto";
import { cn } from "~/lib/cn";

/** Each replica's broker id: out-of-sync replicas in warn colour, offline ones in danger colour. */
export function ReplicaList({ partition }: { partition: TTopicPartition }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label={`Replicas of partition ${partition.partition}`}>
      {partition.replicas.map((broker) => {
        const offline = partition.offlineReplicas.includes(broker);
        const outOfSync = !offline && !partition.isr.includes(broker);
        const state = offline
          ? "offline"
          : outOfSync
            ? "out of sync"
            : broker === partition.leader
              ? "leader"
              : "in sync";
        return (
          <li
            key={broker}
            title={state}
            className={cn(
              "rounded px-1.5 py-0.5 font-mono text-xs tabular-nums",
              offline ? "bg-danger-soft text-danger" : outOfSync ? "bg-warn-soft text-warn" : "bg-surface-raised",
              broker === partition.leader && "font-semibold",
            )}
          >
            {broker}
            {offline || outOfSync ? <span className="sr-only"> ({state})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
