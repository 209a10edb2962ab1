import { z } from "zod";
import { ZFieldPath } from "../../jsonata-source";

const ZFeature = z.object({ field: ZFieldPath, weight: z.number().finite() });

/**
 * z-score: per key, the rolling mean and deviation of the last `windowSize` values; anomalous when
 * |z| > threshold. EWMA: per key, an exponentially weighted moving average as the forecast of the
 * next value. Linear / logistic: a weighted sum of fields (+ intercept; logistic applies the sigmoid
 * and labels with the threshold). ONNX: an uploaded model, fed the listed fields as one float row.
 */
export const ZModelMethod = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("zscore"),
    field: ZFieldPath,
    windowSize: z.number().int().min(2, "A rolling window needs at least 2 values.").max(10_000),
    threshold: z.number().positive("The threshold must be above 0."),
  }),
  z.object({
    type: z.literal("ewma"),
    field: ZFieldPath,
    alpha: z.number().gt(0, "Alpha is between 0 and 1.").lte(1, "Alpha is between 0 and 1."),
  }),
  z.object({
    type: z.literal("linear"),
    features: z.array(ZFeature).min(1, "Add at least one feature.").max(100),
    intercept: z.number().finite(),
  }),
  z.object({
    type: z.literal("logistic"),
    features: z.array(ZFeature).min(1, "Add at least one feature.").max(100),
    intercept: z.number().finite(),
    threshold: z.number().gt(0).lt(1).default(0.5),
  }),
  z.object({
    type: z.literal("onnx"),
    modelId: z.string().min(1, "Choose or upload a model."),
    inputs: z.array(ZFieldPath).min(1, "List the fields the model reads, in its input order.").max(1000),
  }),
]);
export type TModelMethod = z.infer<typeof ZModelMethod>;

/**
 * Scores each record; the result is put under `outputField` of the value:
 * zscore `{ mean, stddev, z, anomaly }`, ewma `{ forecast }`, linear `{ score }`,
 * logistic `{ probability, label }`, onnx `{ <output name>: number[] }`.
 * A record whose fields are missing or not numbers is a dead letter naming the field.
 */
export const ZModelConfig = z.object({
  method: ZModelMethod,
  outputField: ZFieldPath.default("model"),
});
export type TModelConfig = z.infer<typeof ZModelConfig>;
