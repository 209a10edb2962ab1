import { z } from "zod";

/**
 * One Kafka record as the server hands it to the browser. Keys, values and header values are
 * untrusted bytes: they travel as base64 and are decoded (and only ever rendered as text) on the
 * client. Offsets and timestamps are int64, so they travel as decimal strings.
 */

/**
 * A value decoded on the server with its topic's schema (Avro, Protobuf, or a Confluent-framed
 * value), since the schema libraries cannot run in the browser. `label` names the schema, e.g.
 * "Avro (v2)". `json` is the value as JSON text (cut like the bytes in lists: `isTruncated`);
 * without it, `note` says why the value did not decode and the plain decoders show the bytes.
 */
export const ZSchemaDecoded = z.object({
  label: z.string(),
  json: z.string().optional(),
  isTruncated: z.boolean().optional(),
  note: z.string().optional(),
});
export type TSchemaDecoded = z.infer<typeof ZSchemaDecoded>;

/** Bytes as base64. In lists a long payload is cut to its first bytes; `size` is always the full length. */
export const ZPayload = z.object({
  base64: z.string(),
  size: z.number().int().nonnegative(),
  isTruncated: z.boolean(),
  schema: ZSchemaDecoded.optional(),
});
export type TPayload = z.infer<typeof ZPayload>;

export const ZMessageHeader = z.object({ key: z.string(), value: ZPayload.nullable() });
export type TMessageHeader = z.infer<typeof ZMessageHeader>;

/** CreateTime: set by the producer. LogAppendTime: set by the broker when it wrote the record. */
export const TIMESTAMP_TYPES = ["CreateTime", "LogAppendTime"] as const;
export type TTimestampType = (typeof TIMESTAMP_TYPES)[number];

export const ZMessage = z.object({
  partition: z.number().int().nonnegative(),
  offset: z.string().regex(/^\d+$/),
  /** Milliseconds since the epoch. */
  timestamp: z.string().regex(/^-?\d+$/),
  timestampType: z.enum(TIMESTAMP_TYPES),
  /** Null is Kafka's null (no key / a tombstone), distinct from zero bytes. */
  key: ZPayload.nullable(),
  value: ZPayload.nullable(),
  /** In the order the record carries them; a key may repeat. */
  headers: z.array(ZMessageHeader),
  /** Key + value + header keys and values, in bytes (the record's payload, not its batch on disk). */
  size: z.number().int().nonnegative(),
});
export type TMessage = z.infer<typeof ZMessage>;

/** Where a message lives; enough to read it again. */
export type TMessageRef = { partition: number; offset: string };
