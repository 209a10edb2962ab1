/** Inputs of the `runtime.*` procedures, validated with zod on the server. */
import { z } from "zod";

const ZClusterId = z.string().min(1);
const ZPipelineId = z.string().min(1);

export const ZDeploymentRef = z.object({ clusterId: ZClusterId, pipelineId: ZPipelineId });

export const ZDeployInput = z.object({
  clusterId: ZClusterId,
  pipelineId: ZPipelineId,
  /** The revision the plan was shown for: refused when the pipeline was saved since. */
  revision: z.number().int().positive(),
});

export const ZStepHistoryInput = z.object({
  clusterId: ZClusterId,
  pipelineId: ZPipelineId,
  nodeId: z.string().min(1).max(63),
  minutes: z.number().int().min(5).max(7 * 24 * 60).default(60),
});

export const ZDeadLettersInput = z.object({
  clusterId: ZClusterId,
  pipelineId: ZPipelineId,
  /** Only the records this step dead-lettered; all when absent. */
  nodeId: z.string().min(1).max(63).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const ZReplayDeadLettersInput = z.object({
  clusterId: ZClusterId,
  pipelineId: ZPipelineId,
  nodeId: z.string().min(1).max(63),
  /** The dead-letter records to replay; all of this step's that are still in the topic when absent. */
  records: z
    .array(z.object({ partition: z.number().int().min(0), offset: z.string().regex(/^\d+$/) }))
    .max(10_000)
    .optional(),
});
