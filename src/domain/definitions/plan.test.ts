import { describe, expect, it } from "vitest";
import type { TDefinitionKafkaFields, TLiveTopic } from "./drift";
import { describePlanStep, planDefinitions, type TPlanStep } from "./plan";

const context = { liveBrokerCount: 3 };

function liveTopic(
  name: string,
  partitions = 6,
  replicationFactor = 3,
  configs: Record<string, string> = {},
): TLiveTopic {
  return { name, partitions, replicationFactor, configs: { "retention.ms": "604800000", ...configs } };
}

function liveMap(...topics: TLiveTopic[]): Map<string, TLiveTopic> {
  return new Map(topics.map((topic) => [topic.name, topic]));
}

function definition(topicName: string, changes: Partial<TDefinitionKafkaFields> = {}): TDefinitionKafkaFields {
  return { topicName, partitions: 6, replicationFactor: 3, configs: {}, ...changes };
}

describe("planDefinitions: what it does", () => {
  it("plans nothing when every topic matches its definition", () => {
    const plan = planDefinitions(
      [definition("a", { configs: { "retention.ms": "604800000" } })],
      liveMap(liveTopic("a")),
      context,
    );
    expect(plan).toEqual({ steps: [], refusals: [] });
  });

  it("creates a missing topic with its configs in the create step itself, normalized", () => {
    const plan = planDefinitions(
      [definition("new", { configs: { "retention.ms": " 86400000", "cleanup.policy": "compact" } })],
      new Map(),
      context,
    );
    expect(plan.steps).toEqual([
      {
        kind: "create",
        topicName: "new",
        partitions: 6,
        replicationFactor: 3,
        configs: { "cleanup.policy": "compact", "retention.ms": "86400000" },
      },
    ]);
    expect(plan.refusals).toEqual([]);
  });

  it("adds partitions when the definition asks for more", () => {
    const plan = planDefinitions([definition("a", { partitions: 9 })], liveMap(liveTopic("a")), context);
    expect(plan.steps).toEqual([{ kind: "addPartitions", topicName: "a", from: 6, to: 9 }]);
  });

  it("alters only the configs that differ, from Kafka's value to the normalized intended one", () => {
    const plan = planDefinitions(
      [
        definition("a", {
          configs: { "retention.ms": "86400000", "cleanup.policy": "delete", "segment.ms": "+3600000" },
        }),
      ],
      liveMap(liveTopic("a", 6, 3, { "cleanup.policy": "delete", "max.message.bytes": "5242880" })),
      context,
    );
    expect(plan.steps).toEqual([
      {
        kind: "alterConfigs",
        topicName: "a",
        changes: [
          { name: "retention.ms", from: "604800000", to: "86400000" },
          { name: "segment.ms", from: null, to: "3600000" },
        ],
      },
    ]);
  });

  it("orders steps: creates, then partition additions, then config alterations", () => {
    const plan = planDefinitions(
      [
        definition("alter", { configs: { "retention.ms": "1000" } }),
        definition("grow", { partitions: 12 }),
        definition("create"),
      ],
      liveMap(liveTopic("alter"), liveTopic("grow")),
      context,
    );
    expect(plan.steps.map((step) => `${step.kind} ${step.topicName}`)).toEqual([
      "create create",
      "addPartitions grow",
      "alterConfigs alter",
    ]);
  });

  it("still plans the possible changes of a topic whose other changes are refused", () => {
    const plan = planDefinitions(
      [definition("a", { partitions: 3, configs: { "retention.ms": "1000" } })],
      liveMap(liveTopic("a")),
      context,
    );
    expect(plan.steps).toEqual([
      { kind: "alterConfigs", topicName: "a", changes: [{ name: "retention.ms", from: "604800000", to: "1000" }] },
    ]);
    expect(plan.refusals.map((refusal) => refusal.field)).toEqual(["partitions"]);
  });
});

type TRefusalCase = [string, TDefinitionKafkaFields, TLiveTopic | null, string, RegExp, number?];

// Every change the plan will not make. `brokers` defaults to 3.
const IMPOSSIBLE: TRefusalCase[] = [
  [
    "fewer partitions",
    definition("a", { partitions: 3 }),
    liveTopic("a"),
    "partitions",
    /^Kafka never removes partitions: a has 6/,
  ],
  [
    "a lower replication factor",
    definition("a", { replicationFactor: 1 }),
    liveTopic("a"),
    "replicationFactor",
    /needs a partition reassignment/,
  ],
  [
    "a higher replication factor",
    definition("a", { replicationFactor: 3 }),
    liveTopic("a", 6, 2),
    "replicationFactor",
    /has replication factor 2 and the definition asks for 3/,
  ],
  [
    "more replicas than live brokers on create",
    definition("a", { replicationFactor: 3 }),
    null,
    "replicationFactor",
    /larger than the 2 live brokers/,
    2,
  ],
  [
    "an unknown config",
    definition("a", { configs: { "retention.days": "7" } }),
    liveTopic("a"),
    "configs.retention.days",
    /not a topic config Kafka knows/,
  ],
  [
    "a config removed in Kafka 4",
    definition("a", { configs: { "message.format.version": "3.0" } }),
    liveTopic("a"),
    "configs.message.format.version",
    /removed in Kafka 4\.0/,
  ],
  [
    "an invalid config value on alter",
    definition("a", { configs: { "retention.ms": "a week" } }),
    liveTopic("a"),
    "configs.retention.ms",
    /^retention\.ms must be/,
  ],
  [
    "an invalid config value on create",
    definition("a", { configs: { "cleanup.policy": "forever" } }),
    null,
    "configs.cleanup.policy",
    /^cleanup\.policy must be/,
  ],
  [
    "min.insync.replicas above the replication factor on create",
    definition("a", { replicationFactor: 2, configs: { "min.insync.replicas": "3" } }),
    null,
    "configs.min.insync.replicas",
    /cannot be larger than the replication factor \(2\)/,
  ],
  [
    "min.insync.replicas above the live replication factor",
    definition("a", { configs: { "min.insync.replicas": "3" } }),
    liveTopic("a", 6, 2),
    "configs.min.insync.replicas",
    /cannot be larger than the replication factor \(2\)/,
  ],
  [
    "min.compaction.lag.ms above the live max.compaction.lag.ms",
    definition("a", { configs: { "min.compaction.lag.ms": "5000" } }),
    liveTopic("a", 6, 3, { "max.compaction.lag.ms": "1000" }),
    "configs.min.compaction.lag.ms",
    /cannot be larger than max\.compaction\.lag\.ms/,
  ],
  [
    "an internal topic",
    definition("__consumer_offsets", { partitions: 100 }),
    liveTopic("__consumer_offsets", 50),
    "topicName",
    /internal to Kafka/,
  ],
  ["a new topic in Kafka's '__' namespace", definition("__mine"), null, "topicName", /internal to Kafka/],
  ["an invalid topic name", definition("a topic"), null, "topicName", /can use only letters/],
  [
    "a name colliding with a live topic",
    definition("metrics_cpu"),
    liveTopic("metrics.cpu"),
    "topicName",
    /collides with the topic metrics\.cpu/,
  ],
  ["zero partitions on create", definition("a", { partitions: 0 }), null, "partitions", /at least 1 partition/],
  ["a fractional partition count", definition("a", { partitions: 7.5 }), liveTopic("a"), "partitions", /whole number/],
  [
    "more partitions than one request creates",
    definition("a", { partitions: 20_000 }),
    liveTopic("a"),
    "partitions",
    /at most 10,000 partitions/,
  ],
  [
    "a replication factor of 0 on create",
    definition("a", { replicationFactor: 0 }),
    null,
    "replicationFactor",
    /at least 1/,
  ],
];

describe("planDefinitions: what it refuses, and why", () => {
  it.each(IMPOSSIBLE)("refuses %s", (_what, wanted, current, field, sentence, brokers = 3) => {
    const live = current === null ? new Map<string, TLiveTopic>() : liveMap(current);
    const plan = planDefinitions([wanted], live, { liveBrokerCount: brokers });
    const refusal = plan.refusals.find((each) => each.field === field);
    expect(refusal?.topicName).toBe(wanted.topicName);
    expect(refusal?.sentence).toMatch(sentence);
    // A refused field never turns into a step.
    const touched = plan.steps.flatMap((step) => stepFields(step));
    expect(touched).not.toContain(field);
  });

  it("does not create a topic at all when any of its fields is refused", () => {
    const plan = planDefinitions(
      [definition("a", { configs: { "retention.ms": "1000", "cleanup.policy": "nope" } })],
      new Map(),
      context,
    );
    expect(plan.steps).toEqual([]);
  });

  it("refuses two new topics whose names collide with each other", () => {
    const plan = planDefinitions([definition("a.b"), definition("a_b")], new Map(), context);
    expect(plan.steps.map((step) => step.topicName)).toEqual(["a.b"]);
    expect(plan.refusals).toEqual([
      { topicName: "a_b", field: "topicName", sentence: expect.stringMatching(/collides/) },
    ]);
  });

  it("leaves an internal topic that matches its definition alone, without a refusal", () => {
    const offsets = liveTopic("__consumer_offsets", 50, 1);
    const plan = planDefinitions(
      [definition("__consumer_offsets", { partitions: 50, replicationFactor: 1 })],
      liveMap(offsets),
      context,
    );
    expect(plan).toEqual({ steps: [], refusals: [] });
  });

  it("plans a topic defined twice only once", () => {
    const plan = planDefinitions([definition("a"), definition("a", { partitions: 9 })], new Map(), context);
    expect(plan.steps).toHaveLength(1);
    expect(plan.refusals[0]?.sentence).toMatch(/defined more than once/);
  });

  it("plans 5,000 definitions in linear time", () => {
    const live = liveMap(...Array.from({ length: 5_000 }, (_, i) => liveTopic(`topic-${i}`)));
    const definitions = Array.from({ length: 5_000 }, (_, i) =>
      definition(i % 2 === 0 ? `topic-${i}` : `new.topic.${i}`, { configs: { "retention.ms": "86400000" } }),
    );
    const plan = planDefinitions(definitions, live, context);
    expect(plan.steps).toHaveLength(5_000);
    expect(plan.refusals).toEqual([]);
  });
});

function stepFields(step: TPlanStep): string[] {
  if (step.kind === "create")
    return [
      "topicName",
      "partitions",
      "replicationFactor",
      ...Object.keys(step.configs).map((name) => `configs.${name}`),
    ];
  if (step.kind === "addPartitions") return ["partitions"];
  return step.changes.map((change) => `configs.${change.name}`);
}

describe("describePlanStep", () => {
  it.each<[TPlanStep, string]>([
    [
      {
        kind: "create",
        topicName: "telemetry.raw",
        partitions: 6,
        replicationFactor: 3,
        configs: { "retention.ms": "1", "cleanup.policy": "delete" },
      },
      "Create telemetry.raw with 6 partitions, replication factor 3 and 2 configs",
    ],
    [
      { kind: "create", topicName: "x", partitions: 1, replicationFactor: 1, configs: {} },
      "Create x with 1 partition and replication factor 1",
    ],
    [{ kind: "addPartitions", topicName: "x", from: 6, to: 9 }, "Add 3 partitions to x (6 → 9)"],
    [
      { kind: "alterConfigs", topicName: "x", changes: [{ name: "retention.ms", from: "604800000", to: "86400000" }] },
      "Set retention.ms of x: 604800000 (7 d) → 86400000 (1 d)",
    ],
    [
      {
        kind: "alterConfigs",
        topicName: "x",
        changes: [
          { name: "retention.bytes", from: "-1", to: "1073741824" },
          { name: "cleanup.policy", from: null, to: "compact" },
        ],
      },
      "Set 2 configs of x: retention.bytes: -1 (unlimited) → 1073741824 (1 GiB); cleanup.policy: not set → compact",
    ],
  ])("describes %j", (step, line) => {
    expect(describePlanStep(step)).toBe(line);
  });
});
