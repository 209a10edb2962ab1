import { describe, expect, it } from "vitest";
import { ZPipelineDocument, type TPipelineDocumentInput } from "~/domain/pipelines/document";
import { memoryHosts } from "~/domain/pipelines/engine/memory-host";
import { deployedSteps } from "~/domain/pipelines/runtime/deployed-steps";
import type { TInRecord, TOutRecord } from "~/server/kafka/runtime/step-member-types";
import { buildStep } from "./build-step";
import { changelogStore } from "./changelog-store";
import { partitionProcessor, type TMemberCounts, type TPartitionContext } from "./partition-processor";

const at = { x: 0, y: 0 };

/** raw → `step` → out, with `dead` as the dead-letter topic unless told otherwise. */
function deployedStep(step: TPipelineDocumentInput["nodes"][number], deadLetterTopic: string | null = "dead") {
  const document = ZPipelineDocument.parse({
    name: "processor test",
    settings: { deadLetterTopic },
    nodes: [
      { id: "raw", kind: "topic", position: at, config: { topicName: "raw" } },
      step,
      { id: "out", kind: "topic", position: at, config: { topicName: "out" } },
    ],
    edges: [
      { id: "e1", source: "raw", target: step.id },
      { id: "e2", source: step.id, target: "out" },
    ],
  });
  return deployedSteps(document)[0]!;
}

function processorFor(step: ReturnType<typeof deployedStep>, restored: { key: string; value: string | null }[] = []) {
  const counts: TMemberCounts = { consumed: 0, produced: 0, deadLettered: 0, portCounts: {} };
  const problems: string[] = [];
  const context: TPartitionContext = {
    inputTopic: "raw",
    inputCodec: () => Promise.resolve(null),
    outputTopics: step.outputTopics,
    deadLetterTopic: "dead",
    origin: () => ({ pipelineId: "pipeline-1", revision: 4, nodeId: step.nodeId }),
    counts,
    onProblem: (sentence) => problems.push(sentence),
  };
  const store = changelogStore(`${step.nodeId}.changelog`, 0, restored);
  const host = memoryHosts()(step.nodeId);
  const processor = partitionProcessor(context, buildStep(step, host, store), store);
  return { processor, counts, problems, context };
}

let offset = 0;
const input = (value: string, timestamp: number, key = "server-1-cpu"): TInRecord => ({
  partition: 0,
  offset: String(offset++),
  timestamp,
  key: Buffer.from(key),
  value: Buffer.from(value),
  headers: { trace: "t-1" },
});
const reading = (value: number, timestamp: number, key?: string) => input(JSON.stringify({ value }), timestamp, key);

const outputs = (records: TOutRecord[], topic: string) => records.filter((record) => record.topic === topic);

describe("a partition processor", () => {
  const window = deployedStep({
    id: "per-second",
    kind: "window",
    position: at,
    config: { window: { type: "tumbling", sizeMs: 1000 }, field: "value", aggregates: ["count", "sum"] },
  });
  const readings = () => [
    reading(1, 0),
    reading(2, 400),
    reading(3, 900, "server-2-cpu"),
    reading(4, 1200),
    reading(5, 2500),
    reading(6, 2600, "server-2-cpu"),
  ];

  it("closes the same windows whatever the batch boundaries (event time, flushed at the partition's newest timestamp)", async () => {
    const whole = processorFor(window);
    const together = outputs(await whole.processor.process(readings()), "out");
    const split = processorFor(window);
    const records = readings();
    const inParts = [
      ...(await split.processor.process(records.slice(0, 2))),
      ...(await split.processor.process(records.slice(2, 5))),
      ...(await split.processor.process(records.slice(5))),
    ];
    expect(outputs(inParts, "out").map((record) => [record.key, record.value])).toEqual(
      together.map((record) => [record.key, record.value]),
    );
    expect(together.map((record) => [record.key, JSON.parse(record.value as string)])).toEqual([
      ["server-1-cpu", expect.objectContaining({ count: 2, sum: 3 })],
      ["server-2-cpu", expect.objectContaining({ count: 1, sum: 3 })],
      ["server-1-cpu", expect.objectContaining({ count: 1, sum: 4 })],
    ]);
  });

  it("writes the changed state of a batch to the changelog partition, and a restored store carries on from it", async () => {
    const first = processorFor(window);
    const written = await first.processor.process(readings().slice(0, 4));
    const changelog = outputs(written, "per-second.changelog");
    expect(changelog.every((record) => record.partition === 0)).toBe(true);
    expect(new Set(changelog.map((record) => record.key)).size).toBe(changelog.length);

    const restored = processorFor(
      window,
      changelog.map((record) => ({ key: record.key!, value: record.value as string | null })),
    );
    const continuous = processorFor(window);
    await continuous.processor.process(readings().slice(0, 4));
    const after = await restored.processor.process(readings().slice(4));
    const expected = await continuous.processor.process(readings().slice(4));
    expect(outputs(after, "out").map((record) => record.value)).toEqual(
      outputs(expected, "out").map((record) => record.value),
    );
  });

  it("stamps outputs with the pipeline, revision and step, keeping the key and the input's headers", async () => {
    const map = deployedStep({
      id: "double",
      kind: "map",
      position: at,
      config: { expression: "{ 'twice': value * 2 }" },
    });
    const { processor, counts } = processorFor(map);
    const [written] = await processor.process([reading(21, 5)]);
    expect(written).toEqual({
      topic: "out",
      key: "server-1-cpu",
      value: JSON.stringify({ twice: 42 }),
      headers: {
        trace: "t-1",
        "tributary-pipeline": "pipeline-1",
        "tributary-revision": "4",
        "tributary-step": "double",
      },
    });
    expect(counts).toEqual({ consumed: 1, produced: 1, deadLettered: 0, portCounts: { out: 1 } });
  });

  it("sends a record the step cannot handle to the dead-letter topic with its original bytes and where it was read", async () => {
    const clean = deployedStep({ id: "clean", kind: "clean", position: at, config: { dropMalformed: true } });
    const { processor, counts } = processorFor(clean);
    const broken = input("{ cut off", 7);
    const written = await processor.process([broken, reading(3, 8)]);
    expect(outputs(written, "out")).toHaveLength(1);
    const [letter] = outputs(written, "dead");
    expect(letter).toMatchObject({
      key: "server-1-cpu",
      value: broken.value,
      headers: {
        "tributary-step": "clean",
        "tributary-source-topic": "raw",
        "tributary-source-partition": "0",
        "tributary-source-offset": broken.offset,
      },
    });
    expect(letter?.headers["tributary-error"]).toMatch(/cannot be cleaned/);
    expect(counts).toMatchObject({ consumed: 2, produced: 1, deadLettered: 1 });
  });

  it("counts and logs a dead letter when the pipeline has no dead-letter topic, and carries on", async () => {
    const clean = deployedStep({ id: "clean", kind: "clean", position: at, config: { dropMalformed: true } }, null);
    const { processor, counts, problems, context } = processorFor(clean);
    context.deadLetterTopic = null;
    const written = await processor.process([input("nope", 1), reading(3, 2)]);
    expect(written.map((record) => record.topic)).toEqual(["out"]);
    expect(counts.deadLettered).toBe(1);
    expect(problems).toEqual([expect.stringMatching(/dropped \(the pipeline has no dead-letter topic\)/)]);
  });
});
