"use client";

import { useQuery } from "@tanstack/react-query";
import { countMovedKeys } from "~/domain/partitioner/key-movement";
import { formatCount } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { KEY_SAMPLE_LIMIT } from "./key-distribution";
import { movedKeyShare } from "./moved-key-share";
import { SampledKey } from "./sampled-key";

const EXAMPLES_SHOWN = 5;

type MovedKeysNoteProps = { clusterId: string; name: string; from: number; to: number; warnings: readonly string[] };

/**
 * How many of the topic's real keys (from the Keys tab's recent sample, shared through the query
 * cache) would move from `from` to `to` partitions. Without keyed records, the hash estimate.
 */
export function MovedKeysNote({ clusterId, name, from, to, warnings }: MovedKeysNoteProps) {
  const trpc = useTRPC();
  const sample = useQuery({
    ...trpc.topics.keySample.queryOptions({ clusterId, name, limit: KEY_SAMPLE_LIMIT }),
    staleTime: Infinity,
  });
  const movement = sample.data
    ? countMovedKeys(
        sample.data.records.map((record) => record.key),
        from,
        to,
      )
    : null;
  const estimate = ` Going from ${from} to ${to}, about ${Math.round(movedKeyShare(from, to) * 100)}% of keys move. ${warnings.join(" ")}`;
  if (!movement || movement.sampled === 0) return <>{estimate}</>;
  return (
    <>
      {" "}
      <span data-testid="moved-keys-sentence">
        {formatCount(movement.moved)} of {formatCount(movement.sampled)} keys in a recent sample would move to another
        partition.
      </span>{" "}
      {warnings.join(" ")}
      {movement.movedKeys.length > 0 ? (
        <ul className="mt-2 space-y-0.5" aria-label="Keys that would move">
          {movement.movedKeys.slice(0, EXAMPLES_SHOWN).map((moved) => (
            <li key={String(moved.key)} className="flex items-baseline gap-2">
              <SampledKey value={typeof moved.key === "string" ? moved.key : new TextDecoder().decode(moved.key)} />
              <span className="tabular-nums">
                {moved.from} → {moved.to}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
