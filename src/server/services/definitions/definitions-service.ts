import "server-only";
import type { z } from "zod";
import type { TTopicDefinition } from "~/domain/definitions/definition";
import type { TDefinitionDetail, TDefinitionSummary } from "~/domain/definitions/definition-dto";
import type { ZDefinitionListInput, ZDefinitionSaveInput } from "~/domain/definitions/definition-requests";
import { diffDefinition, type TDrift } from "~/domain/definitions/drift";
import { AppError } from "~/lib/app-error";
import { findConformance } from "~/server/db/topic-conformance";
import {
  deleteDefinition,
  findDefinition,
  listDefinitionRows,
  upsertDefinition,
  type TDefinitionListRow,
} from "~/server/db/topic-definitions";
import { audited, type TAuditActor } from "../audit/audited";
import { getCluster, getClusterForChange } from "../clusters/registered-clusters";
import { forgetSchemasOf, refuseFormatSwitch } from "./definition-writes";
import { readLiveFor } from "./live-state";

function matchesSearch(row: TDefinitionListRow, search: string | undefined): boolean {
  const words = search?.trim().toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  if (words.length === 0) return true;
  const { topicName, owner, tags, layer } = row.fields;
  const haystack = [topicName, owner, layer, ...tags].map((text) => text.toLowerCase());
  return words.every((word) => haystack.some((text) => text.includes(word)));
}

const countDrift = (drift: TDrift) => ({ state: drift.state, fieldCount: drift.fields.length });

/** Drift is shown as "unknown" with this sentence; the definitions themselves still list. */
function sentenceOf(error: unknown): string {
  if (error instanceof AppError) return error.message;
  console.error("Reading the live topics for drift failed unexpectedly.", error);
  return "Kafka could not be asked about this cluster's topics.";
}

/**
 * The catalogue: definitions (searched by name, owner, tag and layer) with their drift from one read
 * of the cluster, and their stored conformance. When Kafka cannot be asked, the definitions still
 * list, each with drift "unknown" and the reason.
 */
export async function listDefinitionSummaries(
  input: z.output<typeof ZDefinitionListInput>,
): Promise<TDefinitionSummary[]> {
  const cluster = await getCluster(input.clusterId);
  const rows = (await listDefinitionRows(input.clusterId, input.layer)).filter((row) =>
    matchesSearch(row, input.search),
  );
  if (rows.length === 0) return [];
  const live = await readLiveFor(
    cluster,
    rows.map((row) => row.fields),
  ).catch((error: unknown) => sentenceOf(error));
  return rows.map((row) => {
    const { fields } = row;
    const drift =
      typeof live === "string"
        ? { state: "unknown" as const, fieldCount: 0, sentence: live }
        : countDrift(diffDefinition(fields, live.topics.get(fields.topicName) ?? null));
    return {
      topicName: fields.topicName,
      layer: fields.layer,
      owner: fields.owner,
      tags: fields.tags,
      description: fields.description,
      schemaFormat: fields.schemaFormat,
      latestSchemaVersion: row.latestSchemaVersion,
      drift,
      conformance: row.conformance,
    };
  });
}

export async function getDefinitionDetail(clusterId: string, topicName: string): Promise<TDefinitionDetail | null> {
  const cluster = await getCluster(clusterId);
  const definition = await findDefinition(clusterId, topicName);
  if (!definition) return null;
  const [live, conformance] = await Promise.all([
    readLiveFor(cluster, [definition]).catch((error: unknown) => sentenceOf(error)),
    findConformance(definition.id),
  ]);
  return {
    ...definition,
    drift: typeof live === "string" ? null : diffDefinition(definition, live.topics.get(topicName) ?? null),
    driftFailure: typeof live === "string" ? live : null,
    conformance,
  };
}

/**
 * Creates or updates a definition. Only PostgreSQL changes — Kafka is changed by applying a plan —
 * but a read-only cluster refuses it like every change made through Tributary.
 */
export async function saveDefinition(
  by: TAuditActor,
  input: z.output<typeof ZDefinitionSaveInput>,
): Promise<TTopicDefinition> {
  const { clusterId, definition, previousTopicName } = input;
  const cluster = await getClusterForChange(clusterId);
  const renamed = previousTopicName !== undefined && previousTopicName !== definition.topicName;
  const existing = await findDefinition(clusterId, previousTopicName ?? definition.topicName);
  if (renamed && !existing) {
    throw new AppError("NOT_FOUND", `There is no definition for ${previousTopicName} any more.`, "Refresh the page.");
  }
  if (renamed && (await findDefinition(clusterId, definition.topicName))) {
    throw new AppError(
      "CONFLICT",
      `${definition.topicName} already has a definition.`,
      "Edit that one, or choose another name.",
    );
  }
  refuseFormatSwitch(existing, definition);
  return audited(
    {
      by,
      action: existing ? "definition.update" : "definition.create",
      cluster,
      target: definition.topicName,
      details: renamed ? { previousTopicName } : undefined,
    },
    () => upsertDefinition(clusterId, definition, by.actor.name, previousTopicName),
  ).finally(() => forgetSchemasOf(clusterId, [definition.topicName, previousTopicName]));
}

/** Forgets the definition (its schema versions and conformance with it). The topic and its messages stay. */
export async function removeDefinition(by: TAuditActor, clusterId: string, topicName: string): Promise<void> {
  const cluster = await getClusterForChange(clusterId);
  await audited({ by, action: "definition.remove", cluster, target: topicName }, async () => {
    const removed = await deleteDefinition(clusterId, topicName);
    if (!removed) {
      throw new AppError("NOT_FOUND", `There is no definition for ${topicName}.`, "It may have been removed already.");
    }
  }).finally(() => forgetSchemasOf(clusterId, [topicName]));
}
