import { LogIn, LogOut } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import type { TRebalanceRecord } from "~/domain/groups/rebalance-record";
import { formatRebalanceDuration } from "~/domain/groups/rebalance-partitions";
import type { TRebalanceMember } from "~/domain/groups/rebalance-diff";
import { MemberLabel } from "./member-label";
import { RebalanceMoves } from "./rebalance-moves";

const timeOf = (ms: number) => new Date(ms).toLocaleString();

function durationText(rebalance: TRebalanceRecord): string {
  if (rebalance.completedAt === null) return "in progress";
  if (rebalance.durationMs === null) return "only its result was seen, so its duration is unknown";
  return `took ${formatRebalanceDuration(rebalance.durationMs)}`;
}

function movedText(rebalance: TRebalanceRecord): string {
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

/** One rebalance: when, how long, the states it passed through, who joined or left, and what moved. */
export function RebalanceEntry({ rebalance }: { rebalance: TRebalanceRecord }) {
  const movedCount = rebalance.moved.length;
  return (
    <li className="border-line space-y-3 border-b px-5 py-4 last:border-b-0" data-testid="rebalance-entry">
      <div className="flex flex-wrap items-center gap-2">
        <time dateTime={new Date(rebalance.detectedAt).toISOString()} className="font-medium" suppressHydrationWarning>
          {timeOf(rebalance.detectedAt)}
        </time>
        {rebalance.completedAt === null ? <Badge tone="warn">rebalancing</Badge> : <Badge tone="ok">done</Badge>}
        <span className="text-muted text-sm">{durationText(rebalance)}</span>
        {rebalance.generation === null ? null : (
          <span className="text-sm tabular-nums" data-testid="rebalance-generation">
            → generation {rebalance.generation}
          </span>
        )}
        <span className="ml-auto text-sm">{movedText(rebalance)}</span>
      </div>
      <p className="text-muted text-xs" aria-label="State changes">
        {rebalance.stateChanges.map((change) => change.state).join(" → ")}
      </p>
      <MemberList label="Joined" icon={<LogIn aria-hidden className="text-ok size-4" />} members={rebalance.joined} />
      <MemberList label="Left" icon={<LogOut aria-hidden className="text-danger size-4" />} members={rebalance.left} />
      <details open={movedCount > 0}>
        <summary className="text-accent cursor-pointer text-sm">Assignment before → after</summary>
        <div className="mt-2">
          <RebalanceMoves rebalance={rebalance} />
        </div>
      </details>
    </li>
  );
}
