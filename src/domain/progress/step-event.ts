/**
 * One step of a long change as it runs ("step k of n"): what a definitions apply and a pipeline
 * deploy stream, so one list shows either. `sentence` says why a failed step failed.
 */
export type TStepEvent = {
  kind: "step";
  /** 0-based; the UI says "step index + 1 of total". */
  index: number;
  total: number;
  status: "running" | "done" | "failed";
  description: string;
  sentence?: string;
};
