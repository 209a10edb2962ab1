/** Linear and logistic scoring with the weights the user gave. */
import { numberAt, pathSegments, type TPlainObject } from "../step-values";
import type { TModelMethod } from "./config";
import type { TScorer } from "./scorer";

type TFeatures = { features: readonly { field: string; weight: number }[]; intercept: number };

/** intercept + Σ weight·field, or the sentence naming the first field that is missing or not a number. */
function weightedSum(method: TFeatures): (value: TPlainObject) => number | string {
  const features = method.features.map((feature) => ({ ...feature, segments: pathSegments(feature.field) }));
  return (value) => {
    let sum = method.intercept;
    for (const feature of features) {
      const x = numberAt(value, feature.segments, feature.field);
      if (typeof x === "string") return x;
      sum += feature.weight * x;
    }
    return sum;
  };
}

export function linearScorer(method: Extract<TModelMethod, { type: "linear" }>): TScorer {
  const sum = weightedSum(method);
  return (_record, value) => {
    const score = sum(value);
    return typeof score === "string" ? score : { score };
  };
}

export function logisticScorer(method: Extract<TModelMethod, { type: "logistic" }>): TScorer {
  const sum = weightedSum(method);
  return (_record, value) => {
    const score = sum(value);
    if (typeof score === "string") return score;
    const probability = 1 / (1 + Math.exp(-score));
    return { probability, label: probability >= method.threshold };
  };
}
