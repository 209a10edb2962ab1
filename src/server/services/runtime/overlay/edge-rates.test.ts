import { describe, expect, it } from "vitest";
import { deployedSteps } from "~/domain/pipelines/runtime/deployed-steps";
import { chainDocument } from "../../../../../test/pipeline-fixtures";
import { edgeRates } from "./edge-rates";

describe("edge rates", () => {
  it("gives the edge into a step its read rate and the edge out of a port that port's write rate", () => {
    const document = chainDocument("unit", "Unit chain");
    const [step] = deployedSteps(document);
    const rates = { consumed: 120, produced: 30, deadLettered: 2, ports: { out: 30 } };
    expect(edgeRates(document, new Map([[step!.nodeId, { step: step!, rates }]]))).toEqual({
      "raw-keep-hot": { rate: 120 },
      "keep-hot-hot": { rate: 30 },
    });
  });
});
