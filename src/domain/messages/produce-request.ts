import { z } from "zod";

/**
 * What the produce form (and replay) sends. A payload is text (sent as UTF-8) or base64 (exact
 * bytes: a replayed binary value must arrive unchanged); null is Kafka's null — no key, or a
 * tombstone value on a compacted topic.
 */
export const ZProducePayload = z.union([
  z.object({ text: z.string() }),
  z.object({ base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "Not valid base64.") }),
]);
export type TProducePayload = z.infer<typeof ZProducePayload>;

/** Kafka's default max.message.bytes is 1 MiB; a record up to a few MiB may pass on topics that raise it. */
export const MAX_PRODUCE_PAYLOAD_BYTES = 8 * 1024 * 1024;
/** Repeat is for making test traffic, not for load: bigger loads belong to a load tool. */
export const MAX_PRODUCE_REPEAT = 1_000;

export const ZProduceRequest = z.object({
  clusterId: z.string().min(1),
  topic: z.string().min(1).max(249),
  key: ZProducePayload.nullable(),
  value: ZProducePayload.nullable(),
  headers: z
    .array(z.object({ key: z.string().min(1, "A header needs a name."), value: ZProducePayload.nullable() }))
    .max(100),
  /** "key": Kafka's default partitioner (murmur2 of the key; round robin without a key). */
  partition: z.union([z.literal("key"), z.number().int().nonnegative()]),
  repeat: z.number().int().min(1).max(MAX_PRODUCE_REPEAT).default(1),
  /** Set when this is a replay: the message it copies, for the audit trail. */
  replayOf: z
    .object({ topic: z.string(), partition: z.number().int().nonnegative(), offset: z.string().regex(/^\d+$/) })
    .optional(),
});
export type TProduceRequest = z.input<typeof ZProduceRequest>;

/** Where the produced messages landed, per partition: the first and last offset. */
export type TProduceResult = {
  count: number;
  placements: { partition: number; firstOffset: string; lastOffset: string }[];
};

/**
 * Problems with a JSON value the editor should show before anything is sent: the parser's own
 * message, which names the position. Null when `text` is valid JSON.
 */
export function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `Not valid JSON: ${error instanceof Error ? error.message : "the parser gave no reason"}.`;
  }
}

/** Bytes of a payload as it will be sent. */
export function payloadSize(payload: TProducePayload | null): number {
  if (payload === null) return 0;
  if ("text" in payload) return new TextEncoder().encode(payload.text).length;
  return Math.floor((payload.base64.replace(/=+$/, "").length * 3) / 4);
}
