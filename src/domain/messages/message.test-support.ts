import type { TMessage } from "./message";

/** A message for tests: partition 0, offset 0, no key, value or headers, unless overridden. */
export function testMessage(overrides: Partial<TMessage> = {}): TMessage {
  return {
    partition: 0,
    offset: "0",
    timestamp: "0",
    timestampType: "CreateTime",
    key: null,
    value: null,
    headers: [],
    size: 0,
    ...overrides,
  };
}
