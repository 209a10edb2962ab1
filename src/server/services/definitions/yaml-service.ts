import "server-only";
import type { z } from "zod";
import type { TTopicDefinition } from "~/domain/definitions/definition";
import type { ZExportYamlInput, ZImportYamlInput } from "~/domain/definitions/definition-requests";
import {
  definitionsFromYaml,
  definitionsToYaml,
  type TDefinitionFileEntry,
} from "~/domain/definitions/definitions-yaml";
import { AppError } from "~/lib/app-error";
import { listDefinitions } from "~/server/db/topic-definitions";
import type { TAuditActor } from "../audit/audited";
import { getCluster, getClusterForChange } from "../clusters/registered-clusters";
import { prepareWrite, saveImported } from "./definition-writes";

function fileNameFor(clusterName: string, layer: string | undefined): string {
  const slug =
    clusterName
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "cluster";
  return `${slug}${layer ? `-${layer}` : ""}-definitions.yaml`;
}

export function toFileEntry(definition: TTopicDefinition): TDefinitionFileEntry {
  const {
    id: _id,
    clusterId: _clusterId,
    createdAt: _c,
    createdBy: _cb,
    updatedAt: _u,
    updatedBy: _ub,
    ...fields
  } = definition;
  return { ...fields, schemaVersions: definition.schemaVersions.map(({ version, text }) => ({ version, text })) };
}

/** A cluster's definitions (or one layer's), with every schema version, as a YAML file. */
export async function exportYaml(
  input: z.output<typeof ZExportYamlInput>,
): Promise<{ yaml: string; fileName: string }> {
  const cluster = await getCluster(input.clusterId);
  const definitions = await listDefinitions(input.clusterId, input.layer);
  const yaml = definitionsToYaml({
    cluster: cluster.name,
    layer: input.layer,
    definitions: definitions.map(toFileEntry),
  });
  return { yaml, fileName: fileNameFor(cluster.name, input.layer) };
}

/**
 * The schema texts of a file entry that are new: versions up to the stored newest must match what
 * is stored (versions are never rewritten), later ones are appended in order.
 */
function newSchemaTexts(entry: TDefinitionFileEntry, stored: TTopicDefinition | null): string[] {
  const storedByVersion = new Map(stored?.schemaVersions.map((version) => [version.version, version.text]));
  const newest = stored?.schemaVersions.at(-1)?.version ?? 0;
  const texts: string[] = [];
  for (const version of [...entry.schemaVersions].sort((a, b) => a.version - b.version)) {
    if (version.version > newest) {
      texts.push(version.text);
      continue;
    }
    if (storedByVersion.get(version.version) !== version.text) {
      throw new AppError(
        "BAD_INPUT",
        `Version ${version.version} of the schema of ${entry.topicName} in the file differs from the stored version ${version.version}; stored versions are never rewritten.`,
        "Add the change as a new version (the next number) instead.",
      );
    }
  }
  return texts;
}

/**
 * Saves every definition of a YAML file (created or updated, new schema versions appended) in one
 * transaction — or none, with each problem as a sentence with its line.
 */
export async function importDefinitionsFile(
  by: TAuditActor,
  clusterId: string,
  text: string,
): Promise<{ saved: number }> {
  const cluster = await getClusterForChange(clusterId);
  const parsed = definitionsFromYaml(text);
  if (!parsed.ok) {
    const sentences = parsed.errors.map(
      (error) =>
        `${error.line === null ? "" : `Line ${error.line}: `}${error.path ? `${error.path}: ` : ""}${error.message}`,
    );
    throw new AppError("BAD_INPUT", sentences.join("\n"), "Fix the file and import it again.");
  }
  const stored = new Map((await listDefinitions(clusterId)).map((definition) => [definition.topicName, definition]));
  const writes = parsed.file.definitions.map((entry) => {
    const { schemaVersions: _versions, ...fields } = entry;
    const existing = stored.get(entry.topicName) ?? null;
    return prepareWrite(existing, fields, newSchemaTexts(entry, existing));
  });
  return saveImported(by, cluster, "definition.import-yaml", writes);
}

export function importYaml(by: TAuditActor, input: z.output<typeof ZImportYamlInput>): Promise<{ saved: number }> {
  return importDefinitionsFile(by, input.clusterId, input.yaml);
}
