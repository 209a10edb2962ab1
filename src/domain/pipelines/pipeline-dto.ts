/**
 * What the server returns about pipelines, and what the rules and the dry run report. Shared by
 * the server, the browser and the CLI.
 */
import type { TTopicLayer } from "~/domain/definitions/definition";
import type { TPipelineDocument } from "./document";
import type { TStepRecord } from "./step-types";

export const PIPELINE_STATUSES = ["draft", "ready"] as const;
export type TPipelineStatus = (typeof PIPELINE_STATUSES)[number];

export type TPipelineSummary = {
  id: string;
  clusterId: string;
  name: string;
  description: string;
  status: TPipelineStatus;
  nodeCount: number;
  /** Topic names the pipeline reads first (no step writes them) and last (no step reads them). */
  sources: string[];
  sinks: string[];
  version: number;
  updatedAt: Date;
  updatedBy: string;
};

export type TPipelineDetail = {
  id: string;
  clusterId: string;
  status: TPipelineStatus;
  document: TPipelineDocument;
  /** Send it back with the next save: a save based on an older version is refused as a conflict. */
  version: number;
  /** The newest revision number. */
  revision: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
};

export type TRevisionCause = "create" | "save" | "autosave" | "restore" | "import";

export type TRevisionSummary = {
  revision: number;
  name: string;
  cause: TRevisionCause;
  restoredFrom: number | null;
  nodeCount: number;
  edgeCount: number;
  createdAt: Date;
  createdBy: string;
  /** Last change within this revision (autosaves fold into it). */
  updatedAt: Date;
};

export type TRevisionDetail = TRevisionSummary & { document: TPipelineDocument };

/** What the rules need to know about each topic a pipeline names, read from definitions and Kafka. */
export type TTopicFacts = {
  /** The topic exists in the cluster now. */
  exists: boolean;
  /** Live partition count, else the definition's; null when neither is known. */
  partitions: number | null;
  /** From the definition; null when the topic has no definition. */
  layer: TTopicLayer | null;
  hasDefinition: boolean;
  /** The definition says what the key is (a non-empty key description). */
  keyed: boolean;
  /** What the key is, as the definition says (for the co-partitioning sentence). */
  keyDescription: string;
  /** cleanup.policy includes compact (live config, else the definition's). */
  compacted: boolean;
  /** The definition has a value schema. */
  hasSchema: boolean;
};
export type TPipelineFacts = {
  topics: Record<string, TTopicFacts>;
  /**
   * Set when Kafka could not be asked: the sentence why. The facts then come from definitions
   * alone (`exists` false, partitions and compaction as defined). Absent or null: Kafka answered.
   */
  liveFailure?: string | null;
};

/** A broken rule, shown on the node or edge it names (both null: the pipeline as a whole). */
export type TPipelineProblem = {
  rule: TPipelineRule;
  severity: "error" | "warning";
  nodeId: string | null;
  edgeId: string | null;
  sentence: string;
};

export const PIPELINE_RULES = [
  "invalid-config",
  "step-between-topics",
  "cycle",
  "step-needs-input",
  "step-needs-output",
  "port-unknown",
  "topic-unnamed",
  "topic-duplicate",
  "topic-undefined",
  "layer-backwards",
  "needs-keyed-input",
  "enrich-table",
  "co-partitioning",
  "dead-letter-topic",
  "idle-capacity",
  "output-schema",
] as const;
export type TPipelineRule = (typeof PIPELINE_RULES)[number];

/** One record's journey through one step in the dry run. */
export type TDryRunOutput = {
  /** The output port it left on ("out", a route name, "default", "dead-letter"). */
  port: string;
  /** The topic it would be written to (the dead-letter topic, or null when there is none). */
  topic: string | null;
  record: TStepRecord;
  /** For dead letters: why. */
  reason: string | null;
};

export type TNodeRun = {
  nodeId: string;
  received: number;
  emitted: number;
  deadLettered: number;
  /** The first records in, each with what the step made of it (at most 50 of each). */
  samples: { input: TStepRecord; outputs: TDryRunOutput[] }[];
  /** Sentences: a config that could not be built, an expression that failed on a record. */
  errors: string[];
};

export type TEdgeRun = {
  edgeId: string;
  count: number;
  /** The first records that crossed it (at most 50). */
  records: TStepRecord[];
  /** A JSON Schema inferred from every value that crossed it; null when nothing did. */
  shape: Record<string, unknown> | null;
  /** When the edge ends at a topic with a value schema: values that do not fit, with the reason (at most 5). */
  schemaMisfits: { record: TStepRecord; reason: string }[];
  misfitCount: number;
};

export type TDryRunResult = {
  /** Records read per source topic (or typed). */
  inputs: {
    topic: string;
    records: number;
    fromOffsets: Record<number, string> | null;
    toOffsets: Record<number, string> | null;
  }[];
  nodes: Record<string, TNodeRun>;
  edges: Record<string, TEdgeRun>;
  deadLetters: { nodeId: string; record: TStepRecord; reason: string }[];
  /** Problems the run found (output-schema misfits), in the rules' shape, for the nodes. */
  problems: TPipelineProblem[];
  elapsedMs: number;
  /** A sentence when the run stopped early (budget, cancelled), else null. */
  stoppedEarly: string | null;
};

/** Two revisions run on the same input records: where their outputs differ. */
export type TRevisionComparison = {
  revisionA: number;
  revisionB: number;
  inputs: TDryRunResult["inputs"];
  /** Per output topic (dead-letter included): how many records each wrote and how many differ. */
  topics: { topic: string; countA: number; countB: number; same: number; differ: number }[];
  /** Input records whose outputs differ, with both sides (at most 100). */
  differences: {
    input: TStepRecord;
    topic: string;
    a: { key: string | null; value: unknown }[];
    b: { key: string | null; value: unknown }[];
  }[];
  stoppedEarly: string | null;
};

/** An uploaded ONNX model, without its bytes. */
export type TPipelineModel = {
  id: string;
  name: string;
  description: string;
  sha256: string;
  sizeBytes: number;
  inputs: { name: string; type: string; dims: (number | string)[] }[];
  outputs: { name: string; type: string; dims: (number | string)[] }[];
  createdAt: Date;
  createdBy: string;
};

/** Nodes and edges added, removed or changed between two documents (by id). */
export type TPipelineDiff = {
  nodes: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[] };
  edges: { added: string[]; removed: string[] };
  settings: string[];
  nameChanged: boolean;
  descriptionChanged: boolean;
};
