/** An uploaded ONNX model, run by the host (onnxruntime), fed the listed fields as one float row. */
import type { TLoadedModel, TStepHost } from "../../step-types";
import { numberAt, pathSegments } from "../step-values";
import type { TModelMethod } from "./config";
import type { TScorer } from "./scorer";

export function onnxScorer(method: Extract<TModelMethod, { type: "onnx" }>, host: TStepHost): TScorer {
  const inputs = method.inputs.map((field) => ({ field, segments: pathSegments(field) }));
  // Loaded on the first record (building a step is synchronous); a failed load fails every record with its sentence.
  let loading: Promise<TLoadedModel> | null = null;
  return async (_record, value) => {
    const row = new Float32Array(inputs.length);
    for (let i = 0; i < inputs.length; i++) {
      const x = numberAt(value, inputs[i]!.segments, inputs[i]!.field);
      if (typeof x === "string") return x;
      row[i] = x;
    }
    loading ??= host.model(method.modelId);
    const model = await loading;
    const inputName = model.inputNames[0];
    if (inputName === undefined) throw new Error("The model has no input to feed.");
    const outputs = await model.run({ [inputName]: { data: row, dims: [1, inputs.length] } });
    const result: Record<string, number[]> = {};
    for (const name of model.outputNames) {
      const data = outputs[name];
      if (data) result[name] = Array.from(data);
    }
    return result;
  };
}
