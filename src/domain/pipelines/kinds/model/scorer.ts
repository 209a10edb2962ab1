import type { TStepRecord } from "../../step-types";
import type { TPlainObject } from "../step-values";

/**
 * One method of the model step: the result to put under the output field, or a sentence when the
 * record cannot be scored (it becomes a dead letter).
 */
export type TScorer = (
  record: TStepRecord,
  value: TPlainObject,
) => TPlainObject | string | Promise<TPlainObject | string>;
