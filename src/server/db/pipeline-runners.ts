import "server-only";
import type { TRunnerDto, TStepState } from "~/domain/pipelines/runtime/runtime-dto";
import type { Prisma } from "./generated/client";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/**
 * Runners and the step members they run, as they report them: a runner registers at start,
 * renews its heartbeat with the state of every member it runs (one transaction), and marks itself
 * stopped on a graceful shutdown. The web server reads them for the overlay and the status.
 */
export type TRunnerRow = Omit<TRunnerDto, "gone" | "members">;

export type TMemberReport = {
  deploymentId: string;
  nodeId: string;
  instance: number;
  revision: number;
  state: TStepState;
  reason: string | null;
  memberId: string | null;
  partitions: number[];
  consumed: number;
  produced: number;
  deadLettered: number;
  /** Records written per output port (route's names, "out"; not the dead-letter port). */
  portCounts: Record<string, number>;
};

export type TMemberRow = TMemberReport & { id: string; runnerId: string; updatedAt: Date };

export const memberRowId = (runnerId: string, report: Pick<TMemberReport, "deploymentId" | "nodeId" | "instance">) =>
  `${runnerId}/${report.deploymentId}/${report.nodeId}/${report.instance}`;

export function registerRunner(runner: { id: string; host: string; pid: number }): Promise<void> {
  return withDatabase(async () => {
    const now = new Date();
    await getDb().pipelineRunner.create({ data: { ...runner, startedAt: now, heartbeatAt: now } });
  });
}

/** Renews the heartbeat and replaces this runner's member rows with `members` (one transaction). */
export function reportHeartbeat(runnerId: string, members: readonly TMemberReport[]): Promise<void> {
  return withDatabase(async () => {
    const now = new Date();
    const db = getDb();
    await db.$transaction([
      db.pipelineRunner.update({ where: { id: runnerId }, data: { heartbeatAt: now } }),
      db.pipelineStepMember.deleteMany({
        where: { runnerId, id: { notIn: members.map((member) => memberRowId(runnerId, member)) } },
      }),
      ...members.map((member) => {
        const data = {
          deploymentId: member.deploymentId,
          nodeId: member.nodeId,
          instance: member.instance,
          revision: member.revision,
          state: member.state,
          reason: member.reason,
          memberId: member.memberId,
          partitions: member.partitions as unknown as Prisma.InputJsonValue,
          consumed: BigInt(member.consumed),
          produced: BigInt(member.produced),
          deadLettered: BigInt(member.deadLettered),
          portCounts: member.portCounts as unknown as Prisma.InputJsonValue,
          updatedAt: now,
        };
        return db.pipelineStepMember.upsert({
          where: { id: memberRowId(runnerId, member) },
          create: { id: memberRowId(runnerId, member), runnerId, ...data },
          update: data,
        });
      }),
    ]);
  });
}

/** A graceful shutdown: the runner's members are gone, the runner is kept (stopped) for the runners list. */
export function markRunnerStopped(runnerId: string): Promise<void> {
  return withDatabase(async () => {
    const db = getDb();
    await db.$transaction([
      db.pipelineStepMember.deleteMany({ where: { runnerId } }),
      db.pipelineRunner.update({ where: { id: runnerId }, data: { stoppedAt: new Date() } }),
    ]);
  });
}

/** Runners that have not stopped gracefully, and those that stopped within `since`. */
export function listRunners(since = new Date(Date.now() - 60 * 60_000)): Promise<TRunnerRow[]> {
  return withDatabase(() =>
    getDb().pipelineRunner.findMany({
      where: { OR: [{ stoppedAt: null }, { stoppedAt: { gte: since } }] },
      orderBy: { startedAt: "asc" },
    }),
  );
}

export function listMembers(deploymentId: string): Promise<TMemberRow[]> {
  return withDatabase(async () => {
    const rows = await getDb().pipelineStepMember.findMany({
      where: { deploymentId },
      orderBy: [{ nodeId: "asc" }, { runnerId: "asc" }, { instance: "asc" }],
    });
    return rows.map((row) => ({
      id: row.id,
      runnerId: row.runnerId,
      deploymentId: row.deploymentId,
      nodeId: row.nodeId,
      instance: row.instance,
      revision: row.revision,
      state: row.state as TStepState,
      reason: row.reason,
      memberId: row.memberId,
      partitions: row.partitions as number[],
      consumed: Number(row.consumed),
      produced: Number(row.produced),
      deadLettered: Number(row.deadLettered),
      portCounts: row.portCounts as Record<string, number>,
      updatedAt: row.updatedAt,
    }));
  });
}
