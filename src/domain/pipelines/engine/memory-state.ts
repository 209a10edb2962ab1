import type { TStateStore } from "../step-types";

/** A step's state in a Map, for the dry run and tests (the runtime backs it with a changelog topic). */
export function memoryStateStore(): TStateStore {
  const entries = new Map<string, unknown>();
  return {
    get: <T>(key: string) => entries.get(key) as T | undefined,
    put: (key, value) => {
      entries.set(key, value);
    },
    delete: (key) => {
      entries.delete(key);
    },
    keys: () => entries.keys(),
  };
}
