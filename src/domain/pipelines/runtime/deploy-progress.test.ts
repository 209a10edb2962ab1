import { describe, expect, it } from "vitest";
import { deployStoppedSentence, type TDeployStepPart } from "./deploy-progress";

const PARTS: TDeployStepPart[] = ["topic", "topic", "topic", "topic", "changelog", "offsets", "offsets", "deployment"];

describe("the sentence of a deploy that ended without a deployment", () => {
  it("says how many topics were changed before a cancel, and that nothing was deployed", () => {
    expect(deployStoppedSentence(PARTS, 2, { cancelled: true })).toBe(
      "Cancelled after 2 of 4 topic changes; nothing was deployed. Deploy again to finish.",
    );
  });

  it("lists every kind of step that was done, in order", () => {
    expect(deployStoppedSentence(PARTS, 6, { cancelled: true })).toBe(
      "Cancelled after 4 of 4 topic changes, 1 of 1 changelog topic and the start offsets of 1 of 2 consumer groups; nothing was deployed. Deploy again to finish.",
    );
  });

  it("says nothing changed when cancelled before the first step", () => {
    expect(deployStoppedSentence(PARTS, 0, { cancelled: true })).toBe(
      "Cancelled before the first step; nothing was changed and nothing was deployed.",
    );
  });

  it("names the step a cancel could not stop, and that writing the deployment still deploys", () => {
    expect(deployStoppedSentence(PARTS, 1, { cancelled: true, running: 1 })).toBe(
      "Cancelled during step 2 of 8: it finishes, and no later step runs; nothing was deployed. Deploy again to finish.",
    );
    expect(deployStoppedSentence(PARTS, 7, { cancelled: true, running: 7 })).toBe(
      "Cancelled while the deployment was being written (step 8 of 8): it finishes, so the revision deploys.",
    );
  });

  it("carries a failed step's own sentence and what was done before it", () => {
    const sentence = "There is no topic named orders on this cluster.";
    expect(deployStoppedSentence(PARTS, 4, { cancelled: false, sentence })).toBe(
      `The deploy stopped at step 5 of 8: ${sentence} Done before it: 4 of 4 topic changes; nothing was deployed. Fix the cause and deploy again.`,
    );
    expect(deployStoppedSentence(PARTS, 0, { cancelled: false, sentence })).toBe(
      `The deploy stopped at step 1 of 8: ${sentence} Nothing was changed before it; nothing was deployed. Fix the cause and deploy again.`,
    );
  });
});
