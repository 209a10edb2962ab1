/**
 * The rules that need to know the topics (definitions and Kafka): definitions, layers, keys,
 * co-partitioning, the dead-letter topic, idle instances. A rule about a topic whose facts are
 * absent says nothing, so that the CLI can check a file offline.
 */
import type { TTopicLayer } from "~/domain/definitions/definition";
import { specOf } from "./kinds";
import type { TPipelineProblem } from "./pipeline-dto";
import {
  factsOf,
  isStep,
  nodeName,
  plural,
  problem,
  topicNameOf,
  topicsInto,
  topicsOutOf,
  type TRuleContext,
} from "./rules-context";

/** Where data sits on the way to results; prototypes are exempt (they may read and write anything). */
const LAYER_ORDER: Partial<Record<TTopicLayer, number>> = { raw: 0, clean: 1, processed: 2, results: 3 };

export function topicProblems(context: TRuleContext): TPipelineProblem[] {
  const problems: TPipelineProblem[] = [];
  const seen = new Set<string>();
  for (const node of context.document.nodes) {
    const name = topicNameOf(node);
    if (name === null || seen.has(name)) continue;
    seen.add(name);
    const facts = factsOf(context, name);
    if (facts && !facts.hasDefinition) {
      const exists = facts.exists
        ? "exists in the cluster but has no definition"
        : "does not exist yet and has no definition";
      problems.push(
        problem(
          "topic-undefined",
          "warning",
          { nodeId: node.id },
          `Topic ${name} ${exists}; create its definition (layer, key, schema) from the inspector.`,
        ),
      );
    }
  }
  return problems;
}

export function stepFactProblems(context: TRuleContext): TPipelineProblem[] {
  const problems: TPipelineProblem[] = [];
  const { settings } = context.document;
  for (const node of context.document.nodes) {
    if (!isStep(node) || !context.configs.has(node.id)) continue;
    const spec = specOf(node.kind);
    const config = context.configs.get(node.id);
    const at = { nodeId: node.id };
    const inputs = topicsInto(context, node.id, "in");
    problems.push(...layerProblems(context, node.id, inputs));
    if (spec.perKey(config)) {
      for (const topic of inputs) {
        const facts = factsOf(context, topic);
        if (!facts?.hasDefinition || facts.keyed) continue;
        problems.push(
          problem(
            "needs-keyed-input",
            "error",
            at,
            `${nodeName(node)} keeps its state per key, but ${topic} is not keyed: describe the key in ${topic}'s definition (e.g. the stream id server-1-cpu), or re-key its records with a map step first.`,
          ),
        );
      }
    }
    if (node.kind === "enrich") problems.push(...enrichProblems(context, node.id, inputs));
    if (spec.deadLetters(config) && settings.deadLetterTopic === null) {
      problems.push(
        problem(
          "dead-letter-topic",
          "error",
          at,
          `${nodeName(node)} can send records it cannot process to the dead-letter topic, but the pipeline has none; set one in the pipeline's settings.`,
        ),
      );
    }
    for (const topic of inputs) {
      if (topic === settings.deadLetterTopic) {
        problems.push(
          problem(
            "dead-letter-topic",
            "error",
            at,
            `${nodeName(node)} reads ${topic}, the pipeline's dead-letter topic: a record failing again would go round for ever; read another topic or choose another dead-letter topic.`,
          ),
        );
      }
      const partitions = factsOf(context, topic)?.partitions ?? null;
      if (partitions !== null && settings.instances > partitions) {
        const idle = settings.instances - partitions;
        problems.push(
          problem(
            "idle-capacity",
            "warning",
            at,
            `${nodeName(node)} runs ${plural(settings.instances, "instance")} but ${topic} has ${plural(partitions, "partition")}: ${idle} would sit idle; lower the instances to ${partitions} or add partitions.`,
          ),
        );
      }
    }
  }
  return problems;
}

function layerProblems(context: TRuleContext, nodeId: string, inputs: readonly string[]): TPipelineProblem[] {
  const node = context.nodes.get(nodeId);
  if (!node) return [];
  const layerOf = (topic: string) => factsOf(context, topic)?.layer ?? null;
  const problems: TPipelineProblem[] = [];
  for (const input of inputs) {
    const from = layerOf(input);
    const fromRank = from === null ? undefined : LAYER_ORDER[from];
    if (fromRank === undefined) continue;
    for (const output of topicsOutOf(context, nodeId)) {
      const to = layerOf(output);
      const toRank = to === null ? undefined : LAYER_ORDER[to];
      if (toRank === undefined || toRank >= fromRank) continue;
      problems.push(
        problem(
          "layer-backwards",
          "warning",
          { nodeId },
          `${nodeName(node)} reads ${input} (${from}) and writes ${output} (${to}), a lower layer: data goes forward raw → clean → processed → results, so write to a later layer's topic.`,
        ),
      );
    }
  }
  return problems;
}

/** Enrich joins each record with the latest table value of its key: a compacted, co-partitioned table. */
function enrichProblems(context: TRuleContext, nodeId: string, inputs: readonly string[]): TPipelineProblem[] {
  const node = context.nodes.get(nodeId);
  if (!node) return [];
  const at = { nodeId };
  const tables = topicsInto(context, nodeId, "table");
  if (tables.length === 0) {
    return [
      problem(
        "enrich-table",
        "error",
        at,
        `${nodeName(node)} has no table: connect the compacted topic it joins with to its "table" input.`,
      ),
    ];
  }
  const problems: TPipelineProblem[] = [];
  for (const table of tables) {
    const tableFacts = factsOf(context, table);
    if (tableFacts && !tableFacts.compacted) {
      problems.push(
        problem(
          "enrich-table",
          "error",
          at,
          `${nodeName(node)} joins with ${table}, which is not compacted: only a compacted topic (cleanup.policy compact) keeps the latest value of every key; set it in ${table}'s definition or join another topic.`,
        ),
      );
    }
    for (const input of inputs) {
      const inputFacts = factsOf(context, input);
      if (!tableFacts || !inputFacts) continue;
      const { partitions: a } = inputFacts;
      const { partitions: b } = tableFacts;
      if (a !== null && b !== null && a !== b) {
        problems.push(
          problem(
            "co-partitioning",
            "error",
            at,
            `${nodeName(node)} joins ${input} (${plural(a, "partition")}) with ${table} (${plural(b, "partition")}): a key's records and its table value must sit in the same partition number, so give both topics the same partition count and key.`,
          ),
        );
      }
      const keyA = inputFacts.keyDescription.trim();
      const keyB = tableFacts.keyDescription.trim();
      if (keyA !== "" && keyB !== "" && keyA.toLowerCase() !== keyB.toLowerCase()) {
        problems.push(
          problem(
            "co-partitioning",
            "error",
            at,
            `${nodeName(node)} joins ${input} keyed by "${keyA}" with ${table} keyed by "${keyB}": both topics need the same key, or no record finds its table value.`,
          ),
        );
      }
    }
  }
  return problems;
}
