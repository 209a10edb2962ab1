import "server-only";
import { RUNNER_GONE_AFTER_MS, stepGroupId } from "~/domain/pipelines/runtime/naming";
import type { TStepState } from "~/domain/pipelines/runtime/runtime-dto";
import type { TWorkerState, TWorkerStatusDto } from "~/domain/workers";
import type { TWorkerStatus } from "~/server/workers/worker-registry";
import { holderLabel } from "~/server/workers/process-identity";

export type TLeaseRow = { name: string; holder: string; expiresAt: Date };
export type TRunnerMemberRow = {
  runner: { id: string; host: string; pid: number; heartbeatAt: Date; stoppedAt: Date | null };
  slug: string;
  nodeId: string;
  instance: number;
  state: TStepState;
  reason: string | null;
  partitions: number[];
  consumed: number;
  produced: number;
  deadLettered: number;
  updatedAt: Date;
};

/**
 * This process's workers, with the holder of each one-server job's lease: a job whose lease another
 * server holds is in standby here and names that server. Leases of jobs this process does not run
 * at all (a cluster registered only there) are listed too, as standby, with their holder.
 */
export function webWorkerRows(
  local: readonly TWorkerStatus[],
  leases: readonly TLeaseRow[],
  self: { holderId: string },
  now: number,
): TWorkerStatusDto[] {
  const live = new Map(leases.filter((lease) => lease.expiresAt.getTime() > now).map((lease) => [lease.name, lease]));
  const rows: TWorkerStatusDto[] = local.map((status) => {
    const lease = status.scope === "one-server" ? live.get(status.name) : undefined;
    const heldElsewhere = lease !== undefined && lease.holder !== self.holderId;
    return {
      name: status.name,
      description: status.description,
      scope: status.scope,
      state: heldElsewhere && status.state !== "stopped" ? "standby" : status.state,
      processKind: "web",
      holder: holderLabel(lease?.holder ?? self.holderId),
      passes: status.passes,
      lastPassAt: status.lastPassAt,
      lastError: status.lastError,
    };
  });
  const known = new Set(local.map((status) => status.name));
  for (const lease of live.values()) {
    if (known.has(lease.name) || lease.holder === self.holderId) continue;
    rows.push({
      name: lease.name,
      description: "Runs on another web server (by lease); this server does not run it.",
      scope: "one-server",
      state: "standby",
      processKind: "web",
      holder: holderLabel(lease.holder),
      passes: 0,
      lastPassAt: null,
      lastError: null,
    });
  }
  return rows;
}

const STEP_STATE_AS_WORKER: Record<TStepState, TWorkerState> = {
  starting: "waiting",
  running: "running",
  failed: "stopped",
  stopped: "stopped",
};

/** The step members runners report (pipeline_step_members), in the workers' shape. */
export function runnerWorkerRows(members: readonly TRunnerMemberRow[], now: number): TWorkerStatusDto[] {
  return members.map((member) => {
    const isGone = member.runner.stoppedAt !== null || now - member.runner.heartbeatAt.getTime() > RUNNER_GONE_AFTER_MS;
    const partitions =
      member.partitions.length > 0 ? `partitions ${member.partitions.join(", ")}` : "no partitions (idle)";
    return {
      name: `pipeline ${member.slug} step ${member.nodeId} #${member.instance}`,
      description: `Member of ${stepGroupId(member.slug, member.nodeId)} with ${partitions}; consumed ${member.consumed}, produced ${member.produced}, dead-lettered ${member.deadLettered}.`,
      scope: "every-server",
      state: isGone ? "stopped" : STEP_STATE_AS_WORKER[member.state],
      processKind: "runner",
      holder: `${member.runner.host}:${member.runner.pid}`,
      passes: member.consumed,
      lastPassAt: member.updatedAt,
      lastError: isGone
        ? "Its runner stopped sending heartbeats: the runner is gone."
        : member.state === "failed"
          ? (member.reason ?? "The step failed.")
          : null,
    };
  });
}
