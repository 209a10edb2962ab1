import "server-only";
import type { TStepSamplePoint } from "~/domain/pipelines/runtime/runtime-dto";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

type TStepBucketRow = {
  at: Date;
  in_rate: number;
  out_rate: number;
  dead_letter_rate: number;
  lag: string | null;
};

/**
 * One step's samples from `from` on, oldest first, reduced by PostgreSQL to buckets of `bucketMs`:
 * the rates averaged (a bucket shows the throughput it spans), the largest lag (as the lag charts do).
 * A week of 10-second samples is 60,480 rows; a chart needs a few hundred points.
 */
export function findStepSampleBuckets(
  pipelineId: string,
  nodeId: string,
  from: Date,
  bucketMs: number,
): Promise<TStepSamplePoint[]> {
  return withDatabase(async () => {
    const rows = await getDb().$queryRaw<TStepBucketRow[]>`
      SELECT max(sampled_at) AS at,
             avg(in_rate)::float8 AS in_rate,
             avg(out_rate)::float8 AS out_rate,
             avg(dead_letter_rate)::float8 AS dead_letter_rate,
             max(lag)::text AS lag
      FROM pipeline_step_samples
      WHERE pipeline_id = ${pipelineId} AND node_id = ${nodeId} AND sampled_at >= ${from}
      GROUP BY floor(extract(epoch FROM sampled_at) * 1000 / ${bucketMs}::numeric)
      ORDER BY 1`;
    return rows.map((row) => ({
      at: row.at,
      inRate: row.in_rate,
      outRate: row.out_rate,
      deadLetterRate: row.dead_letter_rate,
      lag: row.lag === null ? null : Number(row.lag),
    }));
  });
}
