/** Inputs of the `pipelines.*` procedures (and the CLI), validated with zod on the server. */
import { z } from "zod";
import { ZPipelineDocument } from "./document";
import { PIPELINE_STATUSES } from "./pipeline-dto";

const ZClusterId = z.string().min(1);
const ZPipelineId = z.string().min(1);

export const ZPipelineListInput = z.object({ clusterId: ZClusterId });
export const ZPipelineRef = z.object({ clusterId: ZClusterId, pipelineId: ZPipelineId });

export const TEMPLATE_IDS = ["blank", "telemetry-anomalies", "telemetry-windows"] as const;
export type TTemplateId = (typeof TEMPLATE_IDS)[number];

export const ZPipelineCreateInput = z.object({
  clusterId: ZClusterId,
  name: z.string(),
  description: z.string().max(20_000).default(""),
  template: z.enum(TEMPLATE_IDS).default("blank"),
});

export const ZPipelineSaveInput = z.object({
  clusterId: ZClusterId,
  pipelineId: ZPipelineId,
  /** The version the editor started from (TPipelineDetail.version). */
  baseVersion: z.number().int().positive(),
  document: ZPipelineDocument,
  /** Autosaves of one author fold into their latest revision; a save starts a new one. */
  cause: z.enum(["save", "autosave"]),
});

export const ZPipelineStatusInput = z.object({
  clusterId: ZClusterId,
  pipelineId: ZPipelineId,
  baseVersion: z.number().int().positive(),
  status: z.enum(PIPELINE_STATUSES),
});

export const ZRevisionRef = z.object({
  clusterId: ZClusterId,
  pipelineId: ZPipelineId,
  revision: z.number().int().positive(),
});

export const ZRestoreInput = ZRevisionRef.extend({ baseVersion: z.number().int().positive() });

export const ZFactsInput = z.object({ clusterId: ZClusterId, topics: z.array(z.string().min(1).max(249)).max(2_000) });

export const ZImportPipelineYamlInput = z.object({
  clusterId: ZClusterId,
  yaml: z.string().max(2_000_000),
  /** Set: replace that pipeline's document (a new revision, cause "import"); absent: create a new pipeline. */
  pipelineId: ZPipelineId.optional(),
  baseVersion: z.number().int().positive().optional(),
});

/** Where the dry run's input records come from. */
export const ZDryRunSource = z.discriminatedUnion("type", [
  /** The newest records of each source topic, read without a consumer group. */
  z.object({ type: z.literal("latest"), perTopic: z.number().int().min(1).max(5_000).default(200) }),
  /** An offset range of one partition of a source topic, the same for every run (used to compare revisions). */
  z.object({
    type: z.literal("range"),
    topic: z.string().min(1),
    partition: z.number().int().min(0),
    fromOffset: z.string().regex(/^\d+$/),
    toOffset: z.string().regex(/^\d+$/),
  }),
  /** Records typed by the user: key and value as text (the value parsed as JSON when it is JSON). */
  z.object({
    type: z.literal("typed"),
    topic: z.string().min(1),
    records: z
      .array(z.object({ key: z.string().nullable(), value: z.string().max(1_000_000) }))
      .min(1)
      .max(1_000),
  }),
]);
export type TDryRunSource = z.output<typeof ZDryRunSource>;

export const ZDryRunInput = z.object({
  clusterId: ZClusterId,
  document: ZPipelineDocument,
  source: ZDryRunSource,
});

export const ZCompareRevisionsInput = z.object({
  clusterId: ZClusterId,
  pipelineId: ZPipelineId,
  revisionA: z.number().int().positive(),
  revisionB: z.number().int().positive(),
  source: ZDryRunSource,
});

/** A JSONata field evaluated on a sample value as it is typed. */
export const ZPreviewExpressionInput = z.object({
  expression: z.string().max(10_000),
  /** The sample value as JSON text. */
  sample: z.string().max(1_000_000),
  result: z.enum(["predicate", "value"]),
});

export const ZModelRef = z.object({ modelId: z.string().min(1) });
