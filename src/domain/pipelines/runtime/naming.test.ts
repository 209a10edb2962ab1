import { describe, expect, it } from "vitest";
import { changelogTopic, pipelineSlug, stepGroupId, transactionalId } from "./naming";

describe("runtime naming", () => {
  it.each([
    ["Telemetry anomalies", "telemetry-anomalies"],
    ["  CPU / 1m  ", "cpu-1m"],
    ["a.b_c-d", "a.b_c-d"],
    ["!!!", "pipeline"],
  ])("slugs %j as %j", (name, slug) => {
    expect(pipelineSlug(name)).toBe(slug);
  });

  it("names a step's group, changelog topic and per-partition transactional id", () => {
    expect(stepGroupId("telemetry-anomalies", "clean-1")).toBe("tributary.telemetry-anomalies.clean-1");
    expect(changelogTopic("t", "zscore")).toBe("tributary.t.zscore.changelog");
    expect(transactionalId("t", "zscore", 3)).toBe("tributary.t.zscore.p3");
  });
});
