import type { TFieldSpec, TNodeKindSpec } from "../../kind-spec";
import { shorten } from "../summary-text";
import { ZModelConfig, type TModelConfig, type TModelMethod } from "./config";
import { createModelStep } from "./step";

const METHODS = [
  { value: "zscore", label: "Rolling z-score (anomalies per key)" },
  { value: "ewma", label: "EWMA forecast (per key)" },
  { value: "linear", label: "Linear score" },
  { value: "logistic", label: "Logistic score and label" },
  { value: "onnx", label: "Uploaded ONNX model" },
] as const;

const METHOD_VARIANTS: Record<TModelMethod["type"], () => TModelMethod> = {
  zscore: () => ({ type: "zscore", field: "value", windowSize: 30, threshold: 3 }),
  ewma: () => ({ type: "ewma", field: "value", alpha: 0.3 }),
  linear: () => ({ type: "linear", features: [{ field: "value", weight: 1 }], intercept: 0 }),
  logistic: () => ({ type: "logistic", features: [{ field: "value", weight: 1 }], intercept: 0, threshold: 0.5 }),
  onnx: () => ({ type: "onnx", modelId: "", inputs: ["value"] }),
};

const FEATURES: TFieldSpec = {
  type: "list",
  path: "method.features",
  label: "Features",
  addLabel: "Add a feature",
  newItem: () => ({ field: "value", weight: 1 }),
  item: [
    { type: "text", path: "field", label: "Field", placeholder: "value" },
    { type: "number", path: "weight", label: "Weight", step: 0.1 },
  ],
};

function methodFields(method: TModelMethod): TFieldSpec[] {
  switch (method.type) {
    case "zscore":
      return [
        { type: "text", path: "method.field", label: "Field", placeholder: "value" },
        { type: "number", path: "method.windowSize", label: "Rolling window (values)", min: 2, max: 10_000, step: 1 },
        { type: "number", path: "method.threshold", label: "Anomalous when |z| exceeds", min: 0, step: 0.5 },
      ];
    case "ewma":
      return [
        { type: "text", path: "method.field", label: "Field", placeholder: "value" },
        {
          type: "number",
          path: "method.alpha",
          label: "Alpha",
          min: 0,
          max: 1,
          step: 0.05,
          help: "Weight of the newest value: near 1 follows quickly, near 0 smooths.",
        },
      ];
    case "linear":
      return [FEATURES, { type: "number", path: "method.intercept", label: "Intercept", step: 0.1 }];
    case "logistic":
      return [
        FEATURES,
        { type: "number", path: "method.intercept", label: "Intercept", step: 0.1 },
        { type: "number", path: "method.threshold", label: "Label true at probability", min: 0, max: 1, step: 0.05 },
      ];
    case "onnx":
      return [
        { type: "model", path: "method.modelId", label: "Model" },
        { type: "field-list", path: "method.inputs", label: "Input fields", help: "In the model's input order." },
      ];
  }
}

function methodText(method: TModelMethod): string {
  switch (method.type) {
    case "zscore":
      return `z-score of ${method.field} over ${method.windowSize}, |z| > ${method.threshold}`;
    case "ewma":
      return `EWMA of ${method.field}, α ${method.alpha}`;
    case "linear":
      return `linear: ${shorten(method.features.map((f) => f.field).join(", "), 32)}`;
    case "logistic":
      return `logistic: ${shorten(method.features.map((f) => f.field).join(", "), 28)} ≥ ${method.threshold}`;
    case "onnx":
      return `ONNX: ${shorten(method.inputs.join(", "), 36)}`;
  }
}

export const modelKind: TNodeKindSpec<TModelConfig> = {
  kind: "model",
  label: "Model",
  description:
    "Scores each record: rolling z-score anomalies or an EWMA forecast per key, a linear or logistic score, or an uploaded ONNX model.",
  icon: "brain",
  category: "step",
  config: ZModelConfig,
  defaults: () => ({ method: METHOD_VARIANTS.zscore(), outputField: "model" }),
  fields: (config) => [
    { type: "select", path: "method.type", label: "Method", options: METHODS, variants: METHOD_VARIANTS },
    ...methodFields(config.method),
    {
      type: "text",
      path: "outputField",
      label: "Put the result under",
      placeholder: "model",
      help: "A field of the output value.",
    },
  ],
  summary: (config) => methodText(config.method),
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: (config) => config.method.type === "zscore" || config.method.type === "ewma",
  // A record whose fields are missing or not numbers goes there.
  deadLetters: () => true,
  createStep: createModelStep,
};
