/**
 * What a processing step sees and emits. Plain TypeScript with no Next.js, React or server-only
 * imports: the dry run (a worker process of the web server) and the runtime (consumer-group members
 * of the next issue) run the same step code, each giving it a host (`TStepHost`).
 */

/** One record as it travels through a pipeline: decoded, with where it came from. */
export type TStepRecord = {
  /** The record key as text (keys are strings in the seeds: `server-1-cpu`); null when unkeyed. */
  key: string | null;
  /**
   * The decoded value: parsed JSON (or a value decoded with the topic's Avro/Protobuf schema);
   * the text itself when it is not JSON; null for a tombstone.
   */
  value: unknown;
  /** Milliseconds since the epoch: the record's timestamp (event time for windows). */
  timestamp: number;
  headers: Record<string, string>;
  /** Where the record was read; for a record a step made, the input record's. */
  topic: string;
  partition: number;
  offset: string;
};

/** The port every step reads from, and every step but route and model-free ones writes to. */
export const MAIN_PORT = "out";
export const INPUT_PORT = "in";
/** Enrich's second input: the compacted topic it joins with. */
export const TABLE_PORT = "table";
/** Where a record goes that a step could not process; the pipeline's dead-letter topic receives it. */
export const DEAD_LETTER_PORT = "dead-letter";

/** What a step emits for one input record (zero, one or several). */
export type TStepEmit =
  { port: string; record: TStepRecord } | { port: typeof DEAD_LETTER_PORT; record: TStepRecord; reason: string };

/** A step built from its node's config: called once per input record, in order. */
export type TStep = {
  process(record: TStepRecord): TStepEmit[] | Promise<TStepEmit[]>;
  /**
   * End of input (the dry run's sample is used up) or a wall-clock tick in the runtime: windows
   * close and emit. `now` is the highest record timestamp seen, or the wall clock.
   */
  flush?(now: number): TStepEmit[] | Promise<TStepEmit[]>;
};

/**
 * Per-step key/value state. The dry run keeps it in a Map; the runtime backs it with a compacted
 * changelog topic, so values must be JSON (no class instances, no Maps).
 */
export type TStateStore = {
  get<T = unknown>(key: string): T | undefined;
  put(key: string, value: unknown): void;
  delete(key: string): void;
  /** Every key, for windows that close by time across keys. */
  keys(): Iterable<string>;
};

/** A JSONata expression compiled by the host (budgets, RE2, worker isolation are the host's). */
export type TCompiledExpression = {
  evaluate(input: unknown): Promise<unknown>;
  /**
   * The result at once when the host can compute it synchronously (a fast path for simple
   * transforms), else EVALUATE_LATER and the caller awaits `evaluate`. Optional.
   */
  evaluateNow?(input: unknown): unknown;
  /** $boolean of the result; may answer synchronously through jsonata's fast path. */
  matches(input: unknown): boolean | Promise<boolean>;
};

/** What `evaluateNow` answers when only `evaluate` can. */
export const EVALUATE_LATER = Symbol("evaluate-later");

/** An ONNX model loaded by the host (onnxruntime): float inputs by name, outputs by name. */
export type TLoadedModel = {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, { data: Float32Array; dims: readonly number[] }>): Promise<Record<string, Float32Array>>;
};

/** What the host gives a step when it is built. */
export type TStepHost = {
  /** Compiles JSONata; throws `StepConfigError` with a sentence when the text does not parse. */
  compile(source: string): TCompiledExpression;
  /** This step's state (one store per node). */
  state: TStateStore;
  /** The latest value per key of a compacted topic (enrich's table), as the host read it. */
  table(topic: string): ReadonlyMap<string, unknown>;
  /** Checks a value against the topic's newest value schema; a sentence when it does not fit, null when it does or there is no schema. */
  validate(topic: string, value: unknown): string | null;
  /** Loads an uploaded model by id (cached by the host). */
  model(modelId: string): Promise<TLoadedModel>;
};

/** What a step is built from: its node's config, the topics around it, and the host. */
export type TStepContext<TConfig> = {
  nodeId: string;
  config: TConfig;
  /** The topic this step reads (the "in" port's topic). */
  inputTopic: string;
  /** For enrich: the topic connected to its "table" port. */
  tableTopic: string | null;
  /** Topic names by output port (route: one per route name, plus "default"). */
  outputTopics: Record<string, string>;
  host: TStepHost;
};

/** A config that cannot be run (bad JSONata, unknown model); `message` is a sentence for the node. */
export class StepConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepConfigError";
  }
}
