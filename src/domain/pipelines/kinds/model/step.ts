import type { TStep, TStepContext, TStepEmit, TStepHost, TStepRecord } from "../../step-types";
import {
  deadLetter,
  isPlainObject,
  malformedSentence,
  out,
  pathSegments,
  withValue,
  writePath,
  type TPlainObject,
} from "../step-values";
import type { TModelConfig } from "./config";
import { onnxScorer } from "./onnx";
import { ewmaScorer, zscoreScorer } from "./rolling";
import type { TScorer } from "./scorer";
import { linearScorer, logisticScorer } from "./weighted";

/** Scores each record and puts the result under `outputField`; unscorable records are dead letters. */
export function createModelStep(context: TStepContext<TModelConfig>): TStep {
  const scorer = scorerFor(context.config.method, context.host);
  const outputSegments = pathSegments(context.config.outputField);

  const emit = (record: TStepRecord, value: TPlainObject, result: TPlainObject | string): TStepEmit[] =>
    typeof result === "string"
      ? [deadLetter(record, result)]
      : [out(withValue(record, writePath(value, outputSegments, result)))];

  return {
    process(record) {
      const value = record.value;
      if (!isPlainObject(value)) return [deadLetter(record, malformedSentence("it has no fields to score"))];
      const result = scorer(record, value);
      if (result instanceof Promise) return result.then((done) => emit(record, value, done));
      return emit(record, value, result);
    },
  };
}

function scorerFor(method: TModelConfig["method"], host: TStepHost): TScorer {
  switch (method.type) {
    case "zscore":
      return zscoreScorer(method, host.state);
    case "ewma":
      return ewmaScorer(method, host.state);
    case "linear":
      return linearScorer(method);
    case "logistic":
      return logisticScorer(method);
    case "onnx":
      return onnxScorer(method, host);
  }
}
