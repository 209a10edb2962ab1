"use client";

import { Stat } from "~/components/ui/stat";
import type { TSearchPartitionProgress, TSearchProgress } from "~/domain/messages/search-query";

const number = new Intl.NumberFormat("en-US");

/** Scanned, matches and elapsed, and a bar per partition showing how far it got in its range. */
export function SearchProgress({ progress }: { progress: TSearchProgress }) {
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-3 gap-3 sm:max-w-xl">
        <Stat label="Scanned" value={<span data-testid="search-scanned">{number.format(progress.scanned)}</span>} />
        <Stat label="Matches" value={<span data-testid="search-matches">{number.format(progress.matches)}</span>} />
        <Stat label="Elapsed" value={`${(progress.elapsedMs / 1000).toFixed(1)} s`} />
      </div>
      <ul className="grid gap-1.5 sm:grid-cols-2 lg:grid-cols-3" aria-label="Progress per partition">
        {progress.partitions.map((partition) => (
          <PartitionBar key={partition.partition} progress={partition} />
        ))}
      </ul>
    </div>
  );
}

function PartitionBar({ progress }: { progress: TSearchPartitionProgress }) {
  const total = BigInt(progress.end) - BigInt(progress.start);
  const done = BigInt(progress.position) - BigInt(progress.start);
  const percent = total === 0n ? 100 : Number((done * 1000n) / total) / 10;
  const label = `Partition ${progress.partition}`;
  return (
    <li className="text-xs">
      <div className="text-muted flex justify-between">
        <span>{label}</span>
        <span>
          {progress.position} / {progress.end}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="bg-surface-raised mt-0.5 h-1.5 overflow-hidden rounded-full"
      >
        <div className="bg-accent h-full" style={{ width: `${percent}%` }} />
      </div>
    </li>
  );
}
