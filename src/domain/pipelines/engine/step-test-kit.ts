/** Helpers for the step and engine tests: records in a line, and one step run over them. */
import { specOf } from "../kinds";
import type { TNodeKind } from "../kind-spec";
import { DEAD_LETTER_PORT, type TStepEmit, type TStepRecord } from "../step-types";
import { memoryHosts, type TMemoryHostOptions } from "./memory-host";

let nextOffset = 0;

export function recordOf(
  value: unknown,
  options: { key?: string | null; timestamp?: number; topic?: string; offset?: string } = {},
): TStepRecord {
  return {
    key: options.key === undefined ? "server-1-cpu" : options.key,
    value,
    timestamp: options.timestamp ?? 1_780_000_000_000,
    headers: {},
    topic: options.topic ?? "telemetry.raw",
    partition: 0,
    offset: options.offset ?? String(nextOffset++),
  };
}

/** What a step emitted, flattened for assertions. */
export type TEmitted = { port: string; key: string | null; value: unknown; reason?: string };

const flatten = (emits: readonly TStepEmit[]): TEmitted[] =>
  emits.map((emit) =>
    emit.port === DEAD_LETTER_PORT && "reason" in emit
      ? { port: emit.port, key: emit.record.key, value: emit.record.value, reason: emit.reason }
      : { port: emit.port, key: emit.record.key, value: emit.record.value },
  );

/**
 * Builds the kind's step from a config (zod defaults applied) and runs the records through it in
 * order, then its flush with +Infinity (the engine's end of input). A record the step rejects
 * appears as `{ port: "error", reason }`.
 */
export async function runStep(
  kind: TNodeKind,
  config: unknown,
  records: readonly TStepRecord[],
  options: TMemoryHostOptions & { tableTopic?: string | null; flush?: boolean } = {},
): Promise<TEmitted[]> {
  const spec = specOf(kind);
  const step = spec.createStep!({
    nodeId: "step-1",
    config: spec.config.parse(config),
    inputTopic: "telemetry.raw",
    tableTopic: options.tableTopic ?? null,
    outputTopics: { out: "telemetry.clean" },
    host: memoryHosts(options)("step-1"),
  });
  const emitted: TEmitted[] = [];
  for (const record of records) {
    try {
      emitted.push(...flatten(await step.process(record)));
    } catch (error) {
      emitted.push({ port: "error", key: record.key, value: record.value, reason: (error as Error).message });
    }
  }
  if (step.flush && options.flush !== false) emitted.push(...flatten(await step.flush(Number.POSITIVE_INFINITY)));
  return emitted;
}
