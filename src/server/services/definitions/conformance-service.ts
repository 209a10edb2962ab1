import "server-only";
import type { z } from "zod";
import type { TTopicDefinition } from "~/domain/definitions/definition";
import type { TStoredConformance } from "~/domain/definitions/definition-dto";
import type { ZConformanceInput } from "~/domain/definitions/definition-requests";
import { checkConformance } from "~/domain/schemas/conformance";
import { compileValueSchema } from "~/domain/schemas/value-schema";
import { AppError } from "~/lib/app-error";
import { upsertConformance } from "~/server/db/topic-conformance";
import { readRecentValues } from "~/server/kafka/messages/recent-values";
import { recordRead, type TAuditActor } from "../audit/audited";
import { getCluster, type TRegisteredCluster } from "../clusters/registered-clusters";
import { requireDefinition } from "./definition-writes";
import { unframeKnownValues } from "./unframe-values";

function failedCheck(schemaVersion: number, failure: string): TStoredConformance {
  return { checkedAt: new Date(), schemaVersion, sampled: 0, matched: 0, examples: [], failure };
}

/**
 * Samples the newest `perPartition` values of every partition (no consumer group) and checks them
 * against the definition's newest schema version; stores the result, or the sentence why the check
 * could not run (topic missing, broker down, schema that no longer compiles), and returns it.
 */
export async function checkDefinitionConformance(
  cluster: TRegisteredCluster,
  definition: TTopicDefinition,
  perPartition: number,
): Promise<TStoredConformance> {
  const newest = definition.schemaVersions.at(-1);
  if (!newest) throw noSchema(definition.topicName);
  const compiled = compileValueSchema(newest.format, newest.text);
  let result: TStoredConformance;
  if (!compiled.ok) {
    result = failedCheck(newest.version, `Schema version ${newest.version} does not compile: ${compiled.message}`);
  } else {
    try {
      const values = await readRecentValues(cluster, definition.topicName, perPartition);
      const known = new Set(definition.schemaVersions.map((version) => version.id));
      const checked = checkConformance(compiled.schema, unframeKnownValues(values, known, newest.format));
      result = { ...checked, checkedAt: new Date(), schemaVersion: newest.version, failure: null };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result = failedCheck(newest.version, error.message);
    }
  }
  await upsertConformance(definition.id, result);
  return result;
}

function noSchema(topicName: string): AppError {
  return new AppError(
    "BAD_INPUT",
    `The definition of ${topicName} has no value schema yet, so there is nothing to check its messages against.`,
    "Add a schema version first.",
  );
}

/** `definitions.checkConformance`: one audit row (it reads message values), then the check. */
export async function runConformanceCheck(
  by: TAuditActor,
  input: z.output<typeof ZConformanceInput>,
): Promise<TStoredConformance> {
  const cluster = await getCluster(input.clusterId);
  const definition = await requireDefinition(input.clusterId, input.topicName, "Import or define the topic first.");
  if (definition.schemaVersions.length === 0) throw noSchema(input.topicName);
  await recordRead({
    by,
    action: "definition.conformance",
    clusterId: input.clusterId,
    target: input.topicName,
    details: { perPartition: input.perPartition },
  });
  return checkDefinitionConformance(cluster, definition, input.perPartition);
}
