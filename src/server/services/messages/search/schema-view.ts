import "server-only";
import type { TTopicValueCodec } from "~/domain/schemas/topic-value-codec";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";

/**
 * A record as a search filter sees it on a topic with a value schema: the value replaced by its
 * decoded JSON text, so JSONata (on the main thread and in the workers alike) and text search
 * read Avro and Protobuf values as they read JSON. Values that do not decode stay as they are.
 * Matches are reported as the original records (the scan keeps both, index for index).
 */
export function withDecodedValue(record: TFetchedRecord, codec: TTopicValueCodec): TFetchedRecord {
  if (record.value === null) return record;
  const decoded = codec.decode(record.value);
  return decoded?.json === undefined ? record : { ...record, value: Buffer.from(decoded.json, "utf8") };
}
