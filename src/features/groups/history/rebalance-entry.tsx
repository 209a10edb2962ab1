import { LogIn, LogOut, RotateCcw } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import type { TRebalanceRecord } from "~/domain/groups/rebalance-record";
import { formatRebalanceDuration } from "~/domain/groups/rebalance-partitions";
import type { TRebalanceMember } from "~/domain/groups/rebalance-diff";
import { MemberLabel } from "./member-label";
import { RebalanceMoves } from "./rebalance-moves";

const timeOf = (ms: number) => new Date(ms).toLocaleString();

function durationText(rebalance: TRebalanceRecord, isUnfinished: boolean): string {
  if (isUnfinished) return "Tributary stopped watching before it ended; a newer rebalance shows where the group went";
  if (rebalance.completedAt === null) return "in progress";
  if (rebalance.durationMs === null) return "only its result was seen, so its duration is unknown";
  return `took ${formatRebalanceDuration(rebalance.durationMs)}`;
}

function movedText(rebalance: TRebalanceRecord, isUnfinished: boolean): string {
  if (isUnfinished) return "moves not seen";
  if (rebalance.completedAt === null) return "partitions not handed out yet";
  const count = rebalance.moved.length;
  return count === 0 ? "no partition moved" : `${count} partition${count === 1 ? "" : "s"} moved`;
}

function MemberList({ label, icon, members }: { label: string; icon: React.ReactNode; members: TRebalanceMember[] }) {
  if (members.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {icon}
      <span className="font-medium">{label}</span>
      {members.map((member) => (
        <span key={member.memberId} className="bg-surface-raised rounded px-1.5 py-0.5">
          <MemberLabel memberId={member.memberId} members={members} />
        </span>
      ))}
    </div>
  );
}

/** Where the group was deleted and created again with the same id: the rebalances above it are of the new group. */
export function GroupRestartMarker() {
  return (
    <li
      className="border-line bg-surface-raised flex items-center gap-2 border-b px-5 py-2 text-sm font-medium"
      data-testid="group-restart-marker"
    >
      <RotateCcw aria-hidden className="text-accent size-4" />
      Group deleted and created again — generations restart
    </li>
  );
}

function StatusBadge({ rebalance, isUnfinished }: { rebalance: TRebalanceRecord; isUnfinished: boolean }) {
  if (isUnfinished) return <Badge>end not seen</Badge>;
  return rebalance.completedAt === null ? <Badge tone="warn">rebalancing</Badge> : <Badge tone="ok">done</Badge>;
}

/**
 * One rebalance: when, how long, the states it passed through, who joined or left, and what moved.
 * `generation` is the one to show (the timeline leaves out one that would repeat); `isUnfinished`
 * marks a rebalance left open by a watcher that stopped, below a newer one.
 */
export function RebalanceEntry({
  rebalance,
  generation = rebalance.generation,
  isUnfinished = false,
}: {
  rebalance: TRebalanceRecord;
  generation?: number | null;
  isUnfinished?: boolean;
}) {
  const movedCount = rebalance.moved.length;
  return (
    <li className="border-line space-y-3 border-b px-5 py-4 last:border-b-0" data-testid="rebalance-entry">
      <div className="flex flex-wrap items-center gap-2">
        <time dateTime={new Date(rebalance.detectedAt).toISOString()} className="font-medium" suppressHydrationWarning>
          {timeOf(rebalance.detectedAt)}
        </time>
        <StatusBadge rebalance={rebalance} isUnfinished={isUnfinished} />
        <span className="text-muted text-sm">{durationText(rebalance, isUnfinished)}</span>
        {generation === null ? null : (
          <span className="text-sm tabular-nums" data-testid="rebalance-generation">
            → generation {generation}
          </span>
        )}
        <span className="ml-auto text-sm">{movedText(rebalance, isUnfinished)}</span>
      </div>
      <p className="text-muted text-xs" aria-label="State changes">
        {rebalance.stateChanges.map((change) => change.state).join(" → ")}
      </p>
      <MemberList label="Joined" icon={<LogIn aria-hidden className="text-ok size-4" />} members={rebalance.joined} />
      <MemberList label="Left" icon={<LogOut aria-hidden className="text-danger size-4" />} members={rebalance.left} />
      {/* Its assignment after was never seen: a table would call it "in progress" for good. */}
      {isUnfinished ? null : (
        <details open={movedCount > 0}>
          <summary className="text-accent cursor-pointer text-sm">Assignment before → after</summary>
          <div className="mt-2">
            <RebalanceMoves rebalance={rebalance} />
          </div>
        </details>
      )}
    </li>
  );
}
