/** A host that keeps everything in memory: for tests, benchmarks and typed (not read) dry runs. */
import type { TLoadedModel, TStepHost } from "../step-types";
import { jsonataCompiler } from "./jsonata-host";
import { memoryStateStore } from "./memory-state";

export type TMemoryHostOptions = {
  /** Compacted topics' latest values by key, for enrich. */
  tables?: Record<string, ReadonlyMap<string, unknown>>;
  /** A schema check per topic; absent: every value fits. */
  validate?: (topic: string, value: unknown) => string | null;
  models?: Record<string, TLoadedModel>;
  compile?: TStepHost["compile"];
};

const NO_TABLE: ReadonlyMap<string, unknown> = new Map();

/** `hostFor` for runDocument: one state store per node, the rest shared. */
export function memoryHosts(options: TMemoryHostOptions = {}): (nodeId: string) => TStepHost {
  const compile = options.compile ?? jsonataCompiler(null);
  return () => ({
    compile,
    state: memoryStateStore(),
    table: (topic) => options.tables?.[topic] ?? NO_TABLE,
    validate: (topic, value) => options.validate?.(topic, value) ?? null,
    model: async (modelId) => {
      const model = options.models?.[modelId];
      if (!model) throw new Error(`There is no model ${modelId}; upload it or choose another.`);
      return model;
    },
  });
}
