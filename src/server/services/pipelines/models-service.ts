import "server-only";
import { createHash } from "node:crypto";
import type { TPipelineModel } from "~/domain/pipelines/pipeline-dto";
import { AppError } from "~/lib/app-error";
import {
  deletePipelineModel,
  findPipelineModel,
  insertPipelineModel,
  listPipelineModels,
} from "~/server/db/pipeline-models";
import { auditedAction, type TAuditActor } from "../audit/audited";
import { dryRunPool } from "./dry-run/worker-pool";

/** The largest .onnx file accepted: models for scoring telemetry are kilobytes to a few MiB. */
export const MAX_MODEL_BYTES = 20 * 1024 * 1024;
const MODEL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;
/** Loading a model of 20 MiB takes well under a second; this stops a file that makes the parser spin. */
const INSPECT_DEADLINE_MS = 20_000;

export type TModelUpload = { name: string; description: string; bytes: Uint8Array };

/**
 * Stores an uploaded ONNX model after onnxruntime has loaded it (in the dry-run worker, never in
 * the server's thread) and reported its inputs and outputs. Audited; the name is unique.
 */
export async function uploadModel(by: TAuditActor, upload: TModelUpload): Promise<TPipelineModel> {
  const name = upload.name.trim();
  if (!MODEL_NAME_PATTERN.test(name)) {
    throw new AppError(
      "BAD_INPUT",
      "A model name is letters, digits, spaces, '.', '_' or '-', at most 100, starting with a letter or digit.",
    );
  }
  if (upload.description.length > 2_000)
    throw new AppError("BAD_INPUT", "A model's description is at most 2,000 characters.");
  if (upload.bytes.byteLength === 0)
    throw new AppError("BAD_INPUT", "The file is empty.", "Choose the .onnx file of the model.");
  if (upload.bytes.byteLength > MAX_MODEL_BYTES) throw tooLarge(upload.bytes.byteLength);

  const inspected = await dryRunPool().run(
    { type: "inspect-model", bytes: upload.bytes },
    { deadlineMs: INSPECT_DEADLINE_MS, what: "loading the model" },
  );
  if (inspected.kind !== "done") throw new AppError("BAD_INPUT", inspected.sentence);
  if (!inspected.result.ok) throw new AppError("BAD_INPUT", inspected.result.sentence);
  const { inputs, outputs } = inspected.result;
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");

  return auditedAction(
    {
      by,
      action: "pipeline-model.upload",
      clusterId: null,
      target: name,
      details: { sha256, sizeBytes: upload.bytes.byteLength, inputs: inputs.map((input) => input.name) },
    },
    () =>
      insertPipelineModel({
        name,
        description: upload.description,
        bytes: upload.bytes,
        sha256,
        inputs,
        outputs,
        createdBy: by.actor.name,
      }),
  );
}

/** The sentence for a file over the limit; `size` is null when only the request's length is known. */
export function tooLarge(size: number | null): AppError {
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return new AppError(
    "BAD_INPUT",
    `${size === null ? "The model file is too large" : `The model file is ${mib(size)}`}; Tributary accepts models up to ${mib(MAX_MODEL_BYTES)}.`,
    "Upload a smaller model (quantize it, or prune what the pipeline does not use).",
  );
}

/** Every uploaded model, newest first, without its bytes. */
export async function listModels(): Promise<TPipelineModel[]> {
  return listPipelineModels();
}

/** Removes a model; pipelines that name it get a sentence on their model step at the next dry run. */
export async function removeModel(by: TAuditActor, modelId: string): Promise<void> {
  const model = await findPipelineModel(modelId);
  if (!model) throw new AppError("NOT_FOUND", "This model does not exist (any more).", "Reload the list of models.");
  await auditedAction(
    { by, action: "pipeline-model.remove", clusterId: null, target: model.name, details: { sha256: model.sha256 } },
    () => deletePipelineModel(modelId),
  );
}
