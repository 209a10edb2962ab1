import "server-only";
import type { z } from "zod";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import type { ZImportPipelineYamlInput, ZPipelineRef } from "~/domain/pipelines/pipeline-requests";
import { pipelineFromYaml, pipelineToYaml } from "~/domain/pipelines/pipelines-yaml";
import { AppError } from "~/lib/app-error";
import { insertPipeline } from "~/server/db/pipelines";
import { audited, type TAuditActor } from "../audit/audited";
import { getClusterForChange } from "../clusters/registered-clusters";
import { findPipelineOrFail, writeDocument } from "./pipeline-writes";

/** `telemetry anomalies` → `telemetry-anomalies.pipeline.yaml` (names allow spaces; file names are nicer without). */
export function pipelineFileName(name: string): string {
  return `${name.trim().replace(/\s+/g, "-")}.pipeline.yaml`;
}

/** The pipeline's current document as a YAML file. */
export async function exportPipelineYaml(
  input: z.output<typeof ZPipelineRef>,
): Promise<{ fileName: string; yaml: string }> {
  const pipeline = await findPipelineOrFail(input.clusterId, input.pipelineId);
  return { fileName: pipelineFileName(pipeline.document.name), yaml: pipelineToYaml(pipeline.document) };
}

/** At most this many problems are spelled out; `npm run tributary -- validate` lists them all. */
const LISTED_PROBLEMS = 10;

function parseOrFail(yaml: string) {
  const parsed = pipelineFromYaml(yaml);
  if (parsed.ok) return parsed.document;
  const listed = parsed.problems.slice(0, LISTED_PROBLEMS).join(" ");
  const more = parsed.problems.length > LISTED_PROBLEMS ? ` And ${parsed.problems.length - LISTED_PROBLEMS} more.` : "";
  throw new AppError(
    "BAD_INPUT",
    `The file is not a pipeline Tributary can read: ${listed}${more}`,
    "Fix the file (`npm run tributary -- validate <file>` checks it) and import it again.",
  );
}

/**
 * Reads a pipeline file: a new draft pipeline (revision 1, cause "import"), or — with `pipelineId`
 * — a new revision of that one, refused as a conflict when it changed since `baseVersion`.
 */
export async function importPipelineYaml(
  by: TAuditActor,
  input: z.output<typeof ZImportPipelineYamlInput>,
): Promise<TPipelineDetail> {
  const cluster = await getClusterForChange(input.clusterId);
  const document = parseOrFail(input.yaml);
  if (input.pipelineId === undefined) {
    return audited(
      { by, action: "pipeline.import", cluster, target: document.name, details: { cause: "import" } },
      () => insertPipeline(cluster.id, document, "import", by.actor.name),
      { completion: (detail) => ({ pipelineId: detail.id }) },
    );
  }
  const current = await findPipelineOrFail(cluster.id, input.pipelineId);
  if (input.baseVersion === undefined) {
    // Replacing without saying which version was seen would overwrite someone's save unnoticed.
    throw new AppError(
      "BAD_INPUT",
      "Replacing a pipeline from a file needs the version you opened.",
      "Reload the pipeline and import the file again.",
    );
  }
  return writeDocument(by, {
    cluster,
    current,
    baseVersion: input.baseVersion,
    document,
    cause: "import",
    action: "pipeline.import",
  });
}
