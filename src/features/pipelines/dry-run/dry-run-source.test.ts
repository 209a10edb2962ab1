import { describe, expect, it } from "vitest";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import { initialSourceDraft, readingSentence, sourceFromDraft, sourceTopics } from "./dry-run-source";

const at = (x: number, y: number) => ({ x, y });
const document = {
  name: "telemetry",
  description: "",
  settings: { deliveryMode: "at-least-once", deadLetterTopic: null, instances: 1, startFrom: "latest" },
  nodes: [
    { id: "clean-topic", kind: "topic", label: "", position: at(400, 0), config: { topicName: "telemetry.clean" } },
    { id: "raw", kind: "topic", label: "", position: at(0, 0), config: { topicName: "telemetry.raw" } },
    {
      id: "clean-1",
      kind: "clean",
      label: "",
      position: at(200, 0),
      config: {} as never,
    },
  ],
  edges: [
    { id: "e1", source: "raw", sourcePort: "out", target: "clean-1", targetPort: "in" },
    { id: "e2", source: "clean-1", sourcePort: "out", target: "clean-topic", targetPort: "in" },
  ],
} as unknown as TPipelineDocument;

describe("the dry run's source", () => {
  it("reads the topics no step writes", () => {
    expect(sourceTopics(document)).toEqual(["telemetry.raw"]);
    expect(initialSourceDraft(document).topic).toBe("telemetry.raw");
    expect(readingSentence(initialSourceDraft(document), document)).toBe("Reading telemetry.raw…");
  });

  it("asks for the newest records per topic within bounds", () => {
    const draft = initialSourceDraft(document);
    expect(sourceFromDraft(draft)).toEqual({ ok: true, source: { type: "latest", perTopic: 200 } });
    expect(sourceFromDraft({ ...draft, perTopic: "0" })).toMatchObject({ ok: false });
    expect(sourceFromDraft({ ...draft, perTopic: "5001" })).toMatchObject({ ok: false });
  });

  it("keeps offsets as text and refuses an empty range", () => {
    const draft = {
      ...initialSourceDraft(document),
      type: "range" as const,
      fromOffset: "9007199254740993",
      toOffset: "9007199254740999",
    };
    expect(sourceFromDraft(draft)).toEqual({
      ok: true,
      source: {
        type: "range",
        topic: "telemetry.raw",
        partition: 0,
        fromOffset: "9007199254740993",
        toOffset: "9007199254740999",
      },
    });
    expect(sourceFromDraft({ ...draft, toOffset: "9007199254740993" })).toEqual({
      ok: false,
      sentence: "The end offset must be after the start offset.",
    });
  });

  it("sends typed rows, an empty key as no key, and skips blank rows", () => {
    const draft = {
      ...initialSourceDraft(document),
      type: "typed" as const,
      rows: [
        { key: "server-1-cpu", value: '{"value": 1}' },
        { key: "", value: "not json" },
        { key: "", value: "" },
      ],
    };
    expect(sourceFromDraft(draft)).toEqual({
      ok: true,
      source: {
        type: "typed",
        topic: "telemetry.raw",
        records: [
          { key: "server-1-cpu", value: '{"value": 1}' },
          { key: null, value: "not json" },
        ],
      },
    });
    expect(sourceFromDraft({ ...draft, rows: [{ key: "", value: " " }] })).toMatchObject({ ok: false });
  });
});
