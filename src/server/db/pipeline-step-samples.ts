import "server-only";
import type { TStepSamplePoint } from "~/domain/pipelines/runtime/runtime-dto";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/** Throughput history of pipeline steps (lag history is the step group's, in group_lag_samples). */
export type TStepSample = TStepSamplePoint & { pipelineId: string; nodeId: string };

export function insertStepSamples(samples: readonly TStepSample[]): Promise<number> {
  if (samples.length === 0) return Promise.resolve(0);
  return withDatabase(async () => {
    const { count } = await getDb().pipelineStepSample.createMany({
      data: samples.map((sample) => ({
        pipelineId: sample.pipelineId,
        nodeId: sample.nodeId,
        sampledAt: sample.at,
        inRate: sample.inRate,
        outRate: sample.outRate,
        deadLetterRate: sample.deadLetterRate,
        lag: sample.lag === null ? null : BigInt(sample.lag),
      })),
    });
    return count;
  });
}

/** One step's samples from `from` on, oldest first. */
export function findStepSamples(pipelineId: string, nodeId: string, from: Date): Promise<TStepSamplePoint[]> {
  return withDatabase(async () => {
    const rows = await getDb().pipelineStepSample.findMany({
      where: { pipelineId, nodeId, sampledAt: { gte: from } },
      orderBy: [{ sampledAt: "asc" }, { id: "asc" }],
    });
    return rows.map((row) => ({
      at: row.sampledAt,
      inRate: row.inRate,
      outRate: row.outRate,
      deadLetterRate: row.deadLetterRate,
      lag: row.lag === null ? null : Number(row.lag),
    }));
  });
}

export function deleteStepSamplesBefore(cutoff: Date): Promise<number> {
  return withDatabase(async () => {
    const { count } = await getDb().pipelineStepSample.deleteMany({ where: { sampledAt: { lt: cutoff } } });
    return count;
  });
}
