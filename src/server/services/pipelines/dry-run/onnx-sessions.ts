import "server-only";
import type { InferenceSession } from "onnxruntime-node";
import type { TPipelineModel } from "~/domain/pipelines/pipeline-dto";
import { StepConfigError, type TLoadedModel } from "~/domain/pipelines/step-types";
import type { TModelBytes, TModelInspection } from "./worker-protocol";

/**
 * ONNX models in the dry-run worker. onnxruntime parses the model file in native code, so even an
 * upload is checked here and never in the server's own thread: a file that crashes the parser
 * takes down a worker, which the server replaces. Loaded lazily — most runs have no ONNX step and
 * the runtime costs start-up time and memory.
 */
type TOrt = typeof import("onnxruntime-node");
let ort: Promise<TOrt> | null = null;
const runtime = () => (ort ??= import("onnxruntime-node"));

/** Sessions by the model's sha256, so that a model used by every run is parsed once per worker. */
const sessions = new Map<string, Promise<InferenceSession>>();
const MAX_SESSIONS = 8;

async function sessionFor(model: TModelBytes): Promise<InferenceSession> {
  let session = sessions.get(model.sha256);
  if (!session) {
    const { InferenceSession } = await runtime();
    session = InferenceSession.create(model.bytes);
    session.catch(() => sessions.delete(model.sha256));
    if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
    sessions.set(model.sha256, session);
  }
  return session;
}

/** `host.model` of a run: the models read for it, by id. */
export function modelLoader(models: readonly TModelBytes[]): (modelId: string) => Promise<TLoadedModel> {
  const byId = new Map(models.map((model) => [model.id, model]));
  return async (modelId) => {
    const model = byId.get(modelId);
    if (!model) throw new StepConfigError("The model this step names no longer exists; choose or upload another.");
    let session: InferenceSession;
    try {
      session = await sessionFor(model);
    } catch (error) {
      throw new StepConfigError(`The model could not be loaded: ${reason(error)}.`);
    }
    return loadedModel(session);
  };
}

function loadedModel(session: InferenceSession): TLoadedModel {
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async run(feeds) {
      const { Tensor } = await runtime();
      const tensors = Object.fromEntries(
        Object.entries(feeds).map(([name, feed]) => [name, new Tensor("float32", feed.data, [...feed.dims])]),
      );
      const results = await session.run(tensors);
      return Object.fromEntries(
        Object.entries(results).map(([name, tensor]) => [name, Float32Array.from(tensor.data as ArrayLike<number>)]),
      );
    },
  };
}

/** Loads an uploaded file as onnxruntime would, and reads its graph's inputs and outputs. */
export async function inspectModel(bytes: Uint8Array): Promise<TModelInspection> {
  const { InferenceSession } = await runtime();
  let session: InferenceSession;
  try {
    session = await InferenceSession.create(bytes);
  } catch (error) {
    return {
      ok: false,
      sentence: `The file is not an ONNX model onnxruntime can load (${reason(error)}). Export the model to .onnx and upload that file.`,
    };
  }
  try {
    return { ok: true, inputs: tensorInfo(session.inputMetadata), outputs: tensorInfo(session.outputMetadata) };
  } finally {
    await session.release();
  }
}

function tensorInfo(metadata: readonly InferenceSession.ValueMetadata[]): TPipelineModel["inputs"] {
  return metadata.map((value) =>
    value.isTensor
      ? { name: value.name, type: value.type, dims: [...value.shape] }
      : { name: value.name, type: "non-tensor", dims: [] },
  );
}

/** onnxruntime's message without the native file and line it sometimes carries. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").replace(/\.$/, "").slice(0, 300) || "no reason given";
}
