/**
 * Runs a pipeline document over records in memory: the dry run's engine (in the server's worker
 * thread) and the tests'. Records enter at the topic nodes of their topic and flow edge by edge,
 * one record at a time and depth first, so every step sees its input in order. Everything stays
 * synchronous while the steps answer synchronously; a step answering with a promise is awaited
 * before the next record moves.
 */
import type { TPipelineDocument } from "../document";
import type { TDryRunOutput, TDryRunResult, TEdgeRun, TNodeRun } from "../pipeline-dto";
import { DEAD_LETTER_PORT, type TStepEmit, type TStepHost, type TStepRecord } from "../step-types";
import { buildGraph, topologicalOrder, type TGraphNode } from "./graph";

export type TSourceRecords = { topic: string; records: TStepRecord[] }[];
export type TTopicOutput = {
  topic: string;
  source: { topic: string; partition: number; offset: string };
  record: TStepRecord;
  reason: string | null;
};
export type TEngineRun = {
  nodes: Record<string, TNodeRun>;
  /** shape: null, schemaMisfits: [], misfitCount: 0 — the server fills those. */
  edges: Record<string, TEdgeRun>;
  deadLetters: TDryRunResult["deadLetters"];
  /** Every record a step wrote to a topic node (the dead-letter topic included, when set), in order. */
  outputs: TTopicOutput[];
  stoppedEarly: string | null;
};
export type TEngineOptions = { signal?: AbortSignal; sampleLimit?: number };

type TMaybe = void | Promise<void>;
type TSample = TNodeRun["samples"][number];

const MAX_ERRORS_PER_NODE = 20;

/**
 * A step may throw (or reject) on one record — a JSONata expression failing on it, a model that
 * would not load: that record goes to the dead-letter port with the sentence, which the node's
 * errors also list. At the end of the input every step's flush runs with +Infinity: the sample is
 * used up, so every window closes and shows what it holds.
 */
export async function runDocument(
  document: TPipelineDocument,
  sources: TSourceRecords,
  hostFor: (nodeId: string) => TStepHost,
  options: TEngineOptions = {},
): Promise<TEngineRun> {
  const graph = buildGraph(document, hostFor);
  const limit = options.sampleLimit ?? 50;
  const deadLetterTopic = document.settings.deadLetterTopic;
  const deadLetterNodes = graph.nodes.filter((n) => n.topicName !== null && n.topicName === deadLetterTopic);
  // Without a cycle a record passes each node at most once.
  const maxDepth = graph.nodes.length + 1;
  const result: TEngineRun = {
    nodes: Object.fromEntries(graph.nodes.map((n) => [n.node.id, n.run])),
    edges: graph.edgeRuns,
    deadLetters: [],
    outputs: [],
    stoppedEarly: null,
  };

  const addError = (run: TNodeRun, sentence: string) => {
    if (run.errors.length < MAX_ERRORS_PER_NODE && !run.errors.includes(sentence)) run.errors.push(sentence);
  };

  const deliver = (target: TGraphNode, port: string, record: TStepRecord, fromStep: boolean, depth: number): TMaybe => {
    if (depth > maxDepth) {
      addError(target.run, "A record went around a cycle of this pipeline and was stopped here.");
      return;
    }
    if (target.topicName !== null) return receiveTopic(target, record, fromStep, depth);
    // The table port is read through the host (the compacted topic's latest values), not record by record.
    return port === "in" ? receiveStep(target, record, depth) : undefined;
  };

  const forward = (node: TGraphNode, port: string, record: TStepRecord, depth: number, from = 0): TMaybe => {
    const edges = node.outEdges.get(port);
    if (!edges) return;
    for (let i = from; i < edges.length; i++) {
      const { run, target, edge } = edges[i]!;
      run.count++;
      if (run.records.length < limit) run.records.push(record);
      const pending = deliver(target, edge.targetPort, record, node.topicName === null, depth + 1);
      if (pending) return pending.then(() => forward(node, port, record, depth, i + 1));
    }
  };

  const receiveTopic = (node: TGraphNode, record: TStepRecord, fromStep: boolean, depth: number): TMaybe => {
    const run = node.run;
    run.received++;
    if (run.samples.length < limit) run.samples.push({ input: record, outputs: [] });
    if (fromStep) {
      result.outputs.push({ topic: node.topicName!, source: positionOf(record), record, reason: null });
    }
    if (node.outEdges.size > 0) run.emitted++;
    return forward(node, "out", record, depth);
  };

  const receiveStep = (node: TGraphNode, record: TStepRecord, depth: number): TMaybe => {
    node.run.received++;
    if (!node.step) return;
    let sample: TSample | null = null;
    if (node.run.samples.length < limit) {
      sample = { input: record, outputs: [] };
      node.run.samples.push(sample);
    }
    let emits: TStepEmit[] | Promise<TStepEmit[]>;
    try {
      emits = node.step.process(record);
    } catch (error) {
      return failed(node, record, error, sample, depth);
    }
    if (emits instanceof Promise) {
      return emits.then(
        (done) => emitAll(node, done, sample, depth, 0),
        (error: unknown) => failed(node, record, error, sample, depth),
      );
    }
    return emitAll(node, emits, sample, depth, 0);
  };

  const failed = (node: TGraphNode, record: TStepRecord, error: unknown, sample: TSample | null, depth: number) => {
    const reason = sentenceOf(error);
    addError(node.run, reason);
    return emitAll(node, [{ port: DEAD_LETTER_PORT, record, reason }], sample, depth, 0);
  };

  const emitAll = (
    node: TGraphNode,
    emits: TStepEmit[],
    sample: TSample | null,
    depth: number,
    from: number,
  ): TMaybe => {
    for (let i = from; i < emits.length; i++) {
      const emit = emits[i]!;
      if ("reason" in emit) {
        deadLettered(node, emit.record, emit.reason, sample);
        continue;
      }
      node.run.emitted++;
      if (sample) sample.outputs.push(output(emit.port, node.portTopics.get(emit.port) ?? null, emit.record, null));
      const pending = forward(node, emit.port, emit.record, depth);
      if (pending) return pending.then(() => emitAll(node, emits, sample, depth, i + 1));
    }
  };

  const deadLettered = (node: TGraphNode, record: TStepRecord, reason: string, sample: TSample | null) => {
    node.run.deadLettered++;
    result.deadLetters.push({ nodeId: node.node.id, record, reason });
    if (sample) sample.outputs.push(output(DEAD_LETTER_PORT, deadLetterTopic, record, reason));
    if (deadLetterTopic === null) return;
    result.outputs.push({ topic: deadLetterTopic, source: positionOf(record), record, reason });
    // Counted on the dead-letter topic's node when the canvas shows one; not passed on to its readers.
    for (const topicNode of deadLetterNodes) {
      topicNode.run.received++;
      if (topicNode.run.samples.length < limit) topicNode.run.samples.push({ input: record, outputs: [] });
    }
  };

  const sourceNodes = (topic: string) => graph.nodes.filter((n) => n.topicName === topic);
  const enter = (nodes: TGraphNode[], record: TStepRecord, from = 0): TMaybe => {
    for (let i = from; i < nodes.length; i++) {
      const pending = receiveTopic(nodes[i]!, record, false, 0);
      if (pending) return pending.then(() => enter(nodes, record, i + 1));
    }
  };
  // Synchronous until a record leaves a promise behind; it returns where to go on (-1: stopped).
  const pump = (nodes: TGraphNode[], records: TStepRecord[], from: number): number | Promise<number> => {
    for (let i = from; i < records.length; i++) {
      if (options.signal?.aborted) return -1;
      const pending = enter(nodes, records[i]!);
      if (pending) return pending.then(() => i + 1);
    }
    return records.length;
  };
  for (const { topic, records } of sources) {
    const nodes = sourceNodes(topic);
    let at = 0;
    while (at >= 0 && at < records.length) {
      const next = pump(nodes, records, at);
      at = typeof next === "number" ? next : await next;
    }
    if (at < 0) {
      result.stoppedEarly = stoppedSentence(options.signal!);
      return result;
    }
  }

  for (const node of topologicalOrder(graph)) {
    if (!node.step?.flush) continue;
    try {
      const emits = await node.step.flush(Number.POSITIVE_INFINITY);
      await emitAll(node, emits, null, 0, 0);
    } catch (error) {
      addError(node.run, sentenceOf(error));
    }
  }
  return result;
}

function output(port: string, topic: string | null, record: TStepRecord, reason: string | null): TDryRunOutput {
  return { port, topic, record, reason };
}

function positionOf(record: TStepRecord): TTopicOutput["source"] {
  return { topic: record.topic, partition: record.partition, offset: record.offset };
}

function sentenceOf(error: unknown): string {
  if (error instanceof Error && error.message !== "") return error.message;
  return typeof error === "string" && error !== "" ? error : "The step failed on this record.";
}

function stoppedSentence(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (typeof reason === "string" && reason !== "") return reason;
  if (reason instanceof Error && reason.name !== "AbortError" && reason.message !== "") return reason.message;
  return "The run was stopped before every record was processed.";
}
