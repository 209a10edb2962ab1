"use client";

import { Badge } from "~/components/ui/badge";
import type { TRunnerDto } from "~/domain/pipelines/runtime/runtime-dto";
import { pluralize } from "~/lib/format";
import { formatAge } from "./live-format";

/** Running runners first, then gone ones, then those that stopped cleanly; newest first within each. */
function byState(a: TRunnerDto, b: TRunnerDto): number {
  const rank = (runner: TRunnerDto) => (runner.stoppedAt ? 2 : runner.gone ? 1 : 0);
  return rank(a) - rank(b) || b.startedAt.getTime() - a.startedAt.getTime();
}

/** The runner processes: host:pid, how long ago each sent a heartbeat, and which are gone. */
export function RunnersList({ runners, now }: { runners: readonly TRunnerDto[]; now: Date }) {
  if (runners.length === 0) {
    return (
      <p className="text-muted text-xs">
        No runner has started. Start one with npm run runner on any machine that reaches Kafka and this database.
      </p>
    );
  }
  return (
    <ul className="space-y-1 text-xs" aria-label="Runners" data-testid="runners">
      {[...runners].sort(byState).map((runner) => (
        <li key={runner.id} className="flex flex-wrap items-center gap-x-2 gap-y-0.5" data-testid="runner">
          <span className="font-mono">
            {runner.host}:{runner.pid}
          </span>
          {runner.stoppedAt ? (
            <Badge>stopped</Badge>
          ) : runner.gone ? (
            <Badge tone="danger">gone</Badge>
          ) : (
            <Badge tone="ok">running</Badge>
          )}
          <span className="text-muted">
            {runner.stoppedAt
              ? `stopped ${formatAge(runner.stoppedAt, now)}`
              : `heartbeat ${formatAge(runner.heartbeatAt, now)} · ${pluralize(runner.members, "member")}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
