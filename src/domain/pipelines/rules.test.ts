import { describe, expect, it } from "vitest";
import type { TPipelineDocument, TPipelineEdge, TPipelineNode } from "./document";
import { PIPELINE_RULES, type TPipelineFacts, type TPipelineRule, type TTopicFacts } from "./pipeline-dto";
import { checkPipeline, isDeployable } from "./rules";
import { PIPELINE_TEMPLATES } from "./templates";

/** The seeds' chain: topic-1 telemetry.raw → clean-1 → topic-2 telemetry.clean → model-1 → topic-3 telemetry.anomalies. */
const chain = PIPELINE_TEMPLATES.find((template) => template.id === "telemetry-anomalies")!.document("Anomalies");

function topicFacts(overrides: Partial<TTopicFacts> = {}): TTopicFacts {
  return {
    exists: true,
    partitions: 3,
    layer: "raw",
    hasDefinition: true,
    keyed: true,
    keyDescription: "stream id, e.g. server-1-cpu",
    compacted: false,
    hasSchema: false,
    ...overrides,
  };
}

const facts: TPipelineFacts = {
  topics: {
    "telemetry.raw": topicFacts({ layer: "raw" }),
    "telemetry.clean": topicFacts({ layer: "clean" }),
    "telemetry.anomalies": topicFacts({ layer: "results" }),
    servers: topicFacts({ layer: "clean", compacted: true }),
    "telemetry.dead-letter": topicFacts({ layer: "raw", keyed: false }),
  },
};

function withFacts(topic: string, overrides: Partial<TTopicFacts>): TPipelineFacts {
  return { topics: { ...facts.topics, [topic]: topicFacts({ ...facts.topics[topic], ...overrides }) } };
}

function edge(id: string, source: string, target: string, ports: Partial<TPipelineEdge> = {}): TPipelineEdge {
  return { id, source, sourcePort: "out", target, targetPort: "in", ...ports };
}

function topic(id: string, topicName: string): TPipelineNode {
  return { id, kind: "topic", label: "", position: { x: 0, y: 0 }, config: { topicName } };
}

function change(patch: (document: TPipelineDocument) => Partial<TPipelineDocument>): TPipelineDocument {
  return { ...chain, ...patch(chain) };
}

function withNode(id: string, update: (node: TPipelineNode) => TPipelineNode): TPipelineDocument {
  return change((document) => ({ nodes: document.nodes.map((node) => (node.id === id ? update(node) : node)) }));
}

/** topic-in telemetry.clean → enrich-1 (table: topic-table servers) → topic-out telemetry.anomalies. */
const enrichment: TPipelineDocument = {
  ...chain,
  nodes: [
    topic("topic-in", "telemetry.clean"),
    topic("topic-table", "servers"),
    { id: "enrich-1", kind: "enrich", label: "", position: { x: 0, y: 0 }, config: { as: "server", missing: "keep" } },
    topic("topic-out", "telemetry.anomalies"),
  ],
  edges: [
    edge("e1", "topic-in", "enrich-1"),
    edge("e2", "topic-table", "enrich-1", { targetPort: "table" }),
    edge("e3", "enrich-1", "topic-out"),
  ],
};

/** topic-1 → route-1 with routes high and low; only `wired` of them connected. */
function routing(wired: string[]): TPipelineDocument {
  return {
    ...chain,
    nodes: [
      topic("topic-1", "telemetry.raw"),
      {
        id: "route-1",
        kind: "route",
        label: "",
        position: { x: 0, y: 0 },
        config: {
          routes: [
            { name: "high", predicate: "value > 90" },
            { name: "low", predicate: "value < 10" },
          ],
          unmatched: "drop",
        },
      },
      topic("topic-2", "telemetry.anomalies"),
    ],
    edges: [
      edge("e1", "topic-1", "route-1"),
      ...wired.map((port) => edge(`to-${port}`, "route-1", "topic-2", { sourcePort: port })),
    ],
  };
}

type TCase = {
  name: string;
  document: TPipelineDocument;
  facts?: TPipelineFacts;
  rule: TPipelineRule;
  severity: "error" | "warning";
  at: { nodeId?: string; edgeId?: string };
  sentence: RegExp;
};

const cases: TCase[] = [
  {
    name: "a config its kind's schema refuses, naming the field",
    document: withNode("model-1", (node) =>
      node.kind === "model" && node.config.method.type === "zscore"
        ? { ...node, config: { ...node.config, method: { ...node.config.method, windowSize: 1 } } }
        : node,
    ),
    rule: "invalid-config",
    severity: "error",
    at: { nodeId: "model-1" },
    sentence: /^Model step .*model-1.*, method\.windowSize: A rolling window needs at least 2 values\.$/,
  },
  {
    name: "a list item the schema refuses, naming its place in the list",
    document: {
      ...routing(["high"]),
      nodes: routing(["high"]).nodes.map((node) =>
        node.kind === "route"
          ? { ...node, config: { ...node.config, routes: [node.config.routes[0]!, { name: "low", predicate: " " }] } }
          : node,
      ),
    },
    rule: "invalid-config",
    severity: "error",
    at: { nodeId: "route-1" },
    sentence: /^Route step route-1, routes\[1\]\.predicate: Enter a JSONata expression\.$/,
  },
  {
    name: "two topics joined without a step",
    document: change((document) => ({ edges: [...document.edges, edge("x", "topic-1", "topic-3")] })),
    rule: "step-between-topics",
    severity: "error",
    at: { edgeId: "x", nodeId: "topic-3" },
    sentence: /Topic telemetry\.raw is connected straight to topic telemetry\.anomalies; put a step between them/,
  },
  {
    name: "two steps joined without a topic",
    document: change((document) => ({ edges: [...document.edges, edge("x", "clean-1", "model-1")] })),
    rule: "step-between-topics",
    severity: "error",
    at: { edgeId: "x" },
    sentence: /writes straight into the model step .*; put a topic between them/,
  },
  {
    name: "a cycle, on each node of it",
    document: change((document) => ({ edges: [...document.edges, edge("back", "topic-3", "clean-1")] })),
    rule: "cycle",
    severity: "error",
    at: { nodeId: "topic-2" },
    sentence: /Topic telemetry\.clean is on a cycle through clean-1, topic-2, model-1, topic-3; remove an edge/,
  },
  {
    name: "a step without input",
    document: change((document) => ({ edges: document.edges.filter((each) => each.id !== "edge-1") })),
    rule: "step-needs-input",
    severity: "error",
    at: { nodeId: "clean-1" },
    sentence: /clean-1\) has no input; connect the topic it reads to it\.$/,
  },
  {
    name: "a step reading two topics on one port",
    document: change((document) => ({ edges: [...document.edges, edge("x", "topic-3", "clean-1")] })),
    rule: "step-needs-input",
    severity: "error",
    at: { nodeId: "clean-1" },
    sentence: /reads 2 topics on its "in" input/,
  },
  {
    name: "a step without output",
    document: change((document) => ({ edges: document.edges.filter((each) => each.id !== "edge-4") })),
    rule: "step-needs-output",
    severity: "error",
    at: { nodeId: "model-1" },
    sentence: /writes nowhere: it has no output; connect it to the topic it writes\.$/,
  },
  {
    name: "a route with none of its routes wired",
    document: routing([]),
    rule: "step-needs-output",
    severity: "error",
    at: { nodeId: "route-1" },
    sentence: /none of its routes is connected/,
  },
  {
    name: "an edge from a port the node does not have",
    document: change((document) => ({
      edges: document.edges.map((each) => (each.id === "edge-2" ? { ...each, sourcePort: "rejects" } : each)),
    })),
    rule: "port-unknown",
    severity: "error",
    at: { edgeId: "edge-2" },
    sentence: /has no output "rejects" \(it has out\)/,
  },
  {
    name: "an edge to a node that is gone",
    document: change((document) => ({ edges: [...document.edges, edge("x", "topic-3", "gone-1")] })),
    rule: "port-unknown",
    severity: "error",
    at: { edgeId: "x" },
    sentence: /ends at node gone-1, which is not in the pipeline; delete the edge\.$/,
  },
  {
    name: "a topic node without a name",
    document: withNode("topic-3", (node) => ({ ...node, config: { topicName: " " } }) as TPipelineNode),
    rule: "topic-unnamed",
    severity: "error",
    at: { nodeId: "topic-3" },
    sentence: /^Topic node topic-3: Name the topic it stands for\.$/,
  },
  {
    name: "a topic name Kafka refuses",
    document: withNode("topic-3", (node) => ({ ...node, config: { topicName: "anomalies!" } }) as TPipelineNode),
    rule: "topic-unnamed",
    severity: "error",
    at: { nodeId: "topic-3" },
    sentence: /A topic name can use only letters, digits/,
  },
  {
    name: "one topic on two nodes",
    document: withNode("topic-3", (node) => ({ ...node, config: { topicName: "telemetry.raw" } }) as TPipelineNode),
    rule: "topic-duplicate",
    severity: "error",
    at: { nodeId: "topic-1" },
    sentence: /^Topic telemetry\.raw is also on node topic-3; keep one node per topic/,
  },
  {
    name: "a topic without a definition",
    document: chain,
    facts: withFacts("telemetry.anomalies", { hasDefinition: false, exists: false, layer: null }),
    rule: "topic-undefined",
    severity: "warning",
    at: { nodeId: "topic-3" },
    sentence: /does not exist yet and has no definition; create its definition/,
  },
  {
    name: "results feeding raw",
    document: chain,
    facts: {
      topics: {
        ...withFacts("telemetry.clean", { layer: "results" }).topics,
        "telemetry.anomalies": topicFacts({ layer: "raw" }),
      },
    },
    rule: "layer-backwards",
    severity: "warning",
    at: { nodeId: "model-1" },
    sentence: /reads telemetry\.clean \(results\) and writes telemetry\.anomalies \(raw\), a lower layer/,
  },
  {
    name: "a per-key step on unkeyed input, saying why",
    document: chain,
    facts: withFacts("telemetry.clean", { keyed: false }),
    rule: "needs-keyed-input",
    severity: "error",
    at: { nodeId: "model-1" },
    sentence: /keeps its state per key, but telemetry\.clean is not keyed: describe the key/,
  },
  {
    name: "an enrich step without a table",
    document: { ...enrichment, edges: enrichment.edges.filter((each) => each.id !== "e2") },
    rule: "enrich-table",
    severity: "error",
    at: { nodeId: "enrich-1" },
    sentence: /has no table: connect the compacted topic it joins with to its "table" input/,
  },
  {
    name: "an enrich table that is not compacted",
    document: enrichment,
    facts: withFacts("servers", { compacted: false }),
    rule: "enrich-table",
    severity: "error",
    at: { nodeId: "enrich-1" },
    sentence: /joins with servers, which is not compacted/,
  },
  {
    name: "enrich over topics with different partition counts, naming both",
    document: enrichment,
    facts: withFacts("servers", { partitions: 6 }),
    rule: "co-partitioning",
    severity: "error",
    at: { nodeId: "enrich-1" },
    sentence: /joins telemetry\.clean \(3 partitions\) with servers \(6 partitions\)/,
  },
  {
    name: "enrich over topics keyed differently",
    document: enrichment,
    facts: withFacts("servers", { keyDescription: "server name" }),
    rule: "co-partitioning",
    severity: "error",
    at: { nodeId: "enrich-1" },
    sentence: /keyed by "stream id, e\.g\. server-1-cpu" with servers keyed by "server name"/,
  },
  {
    name: "steps that can dead-letter in a pipeline without a dead-letter topic",
    document: change((document) => ({ settings: { ...document.settings, deadLetterTopic: null } })),
    rule: "dead-letter-topic",
    severity: "error",
    at: { nodeId: "clean-1" },
    sentence: /can send records it cannot process to the dead-letter topic, but the pipeline has none/,
  },
  {
    name: "a step reading the dead-letter topic",
    document: change((document) => ({ settings: { ...document.settings, deadLetterTopic: "telemetry.raw" } })),
    rule: "dead-letter-topic",
    severity: "error",
    at: { nodeId: "clean-1" },
    sentence: /reads telemetry\.raw, the pipeline's dead-letter topic/,
  },
  {
    name: "more instances than input partitions",
    document: change((document) => ({ settings: { ...document.settings, instances: 4 } })),
    rule: "idle-capacity",
    severity: "warning",
    at: { nodeId: "clean-1" },
    sentence: /runs 4 instances but telemetry\.raw has 3 partitions: 1 would sit idle/,
  },
];

describe("checkPipeline", () => {
  it.each(cases)("reports $name", ({ document, rule, severity, at, sentence, ...rest }) => {
    const problems = checkPipeline(document, rest.facts ?? facts);
    const found = problems.filter(
      (each) =>
        each.rule === rule &&
        (at.nodeId === undefined || each.nodeId === at.nodeId) &&
        (at.edgeId === undefined || each.edgeId === at.edgeId),
    );
    expect(found.map((each) => each.sentence)).toContainEqual(expect.stringMatching(sentence));
    expect(found.every((each) => each.severity === severity)).toBe(true);
    expect(isDeployable(problems)).toBe(
      severity === "warning" && problems.every((each) => each.severity === "warning"),
    );
  });

  it("has a case for every rule but the dry run's output-schema", () => {
    const covered = new Set(cases.map((each) => each.rule));
    expect(PIPELINE_RULES.filter((rule) => !covered.has(rule))).toEqual(["output-schema"]);
  });

  it("finds nothing wrong with the seeds' chain on topics that fit it", () => {
    expect(checkPipeline(chain, facts)).toEqual([]);
  });

  it("keeps quiet about topics it knows nothing of (offline)", () => {
    const offline = change((document) => ({ settings: { ...document.settings, instances: 64 } }));
    expect(checkPipeline(offline, { topics: {} })).toEqual([]);
    expect(checkPipeline(enrichment, { topics: {} })).toEqual([]);
  });

  it("lets prototypes read and write any layer", () => {
    const prototypes = {
      topics: {
        ...facts.topics,
        "telemetry.anomalies": topicFacts({ layer: "prototype" }),
        "telemetry.clean": topicFacts({ layer: "results" }),
      },
    };
    expect(checkPipeline(chain, prototypes).filter((each) => each.rule === "layer-backwards")).toEqual([]);
  });

  it("accepts a route with one of its routes wired", () => {
    expect(checkPipeline(routing(["low"]), facts)).toEqual([]);
  });

  it("flags a self-loop", () => {
    const loop = change((document) => ({ edges: [...document.edges, edge("self", "topic-1", "topic-1")] }));
    expect(
      checkPipeline(loop, facts)
        .filter((each) => each.rule === "cycle")
        .map((each) => each.nodeId),
    ).toEqual(["topic-1"]);
  });
});
