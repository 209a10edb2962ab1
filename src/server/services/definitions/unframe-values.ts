import "server-only";
import type { TSchemaFormat } from "~/domain/definitions/definition";
import { readConfluentFrame, readMessageIndexes } from "~/domain/schemas/wire-format";

type TValue = { partition: number; offset: string; value: Uint8Array | null };

/**
 * Values in the Confluent wire format whose schema id is one of the topic's versions lose their
 * frame (and, for Protobuf, the message indexes), so they are checked like plain values. A frame
 * with an unknown id is left alone: a plain Avro value may start with byte 0 too.
 */
export function* unframeKnownValues(
  values: Iterable<TValue>,
  knownIds: ReadonlySet<number>,
  format: TSchemaFormat,
): Generator<TValue> {
  for (const record of values) {
    const frame = record.value && readConfluentFrame(record.value);
    if (!frame || !knownIds.has(frame.schemaId)) {
      yield record;
      continue;
    }
    if (format !== "protobuf") {
      yield { ...record, value: frame.payload };
      continue;
    }
    const indexed = readMessageIndexes(frame.payload);
    yield { ...record, value: indexed ? indexed.rest : frame.payload };
  }
}
