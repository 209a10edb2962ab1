/** The inputs of the `definitions.*` procedures (zod), shared by the router and the forms. */
import { z } from "zod";
import { SCHEMA_FORMATS, TOPIC_LAYERS, ZTopicDefinitionInput } from "./definition";

const ZClusterId = z.string().min(1);
const ZTopicName = z.string().min(1).max(249);
/** Schema texts are written by operators; the cap keeps one request from holding megabytes of schema. */
export const MAX_SCHEMA_TEXT_LENGTH = 200_000;
export const MAX_IMPORT_SAMPLE_PER_PARTITION = 1_000;
export const MAX_CONFORMANCE_SAMPLE_PER_PARTITION = 10_000;

export const ZDefinitionRef = z.object({ clusterId: ZClusterId, topicName: ZTopicName });

export const ZDefinitionListInput = z.object({
  clusterId: ZClusterId,
  search: z.string().max(200).optional(),
  layer: z.enum(TOPIC_LAYERS).optional(),
});

export const ZDefinitionSaveInput = z.object({
  clusterId: ZClusterId,
  definition: ZTopicDefinitionInput,
  /** Set when the definition is renamed: the row under this name is updated. */
  previousTopicName: ZTopicName.optional(),
});

export const ZSchemaTextInput = ZDefinitionRef.extend({
  format: z.enum(SCHEMA_FORMATS),
  text: z.string().min(1, "Write the schema.").max(MAX_SCHEMA_TEXT_LENGTH),
});

export const ZImportDraftsInput = z.object({
  clusterId: ZClusterId,
  topicNames: z.array(ZTopicName).min(1).max(500),
  samplePerPartition: z.number().int().min(0).max(MAX_IMPORT_SAMPLE_PER_PARTITION).optional(),
});

export const ZImportTopicsInput = z.object({
  clusterId: ZClusterId,
  drafts: z
    .array(
      z.object({ definition: ZTopicDefinitionInput, schemaText: z.string().max(MAX_SCHEMA_TEXT_LENGTH).nullable() }),
    )
    .min(1)
    .max(500),
});

export const ZDriftInput = z.object({ clusterId: ZClusterId, topicName: ZTopicName.optional() });

export const ZPlanInput = z.object({ clusterId: ZClusterId, topicNames: z.array(ZTopicName).max(10_000).optional() });

export const ZConformanceInput = ZDefinitionRef.extend({
  perPartition: z.number().int().min(1).max(MAX_CONFORMANCE_SAMPLE_PER_PARTITION),
});

export const ZExportYamlInput = z.object({ clusterId: ZClusterId, layer: z.enum(TOPIC_LAYERS).optional() });

export const ZImportYamlInput = z.object({ clusterId: ZClusterId, yaml: z.string().max(1_000_000) });
