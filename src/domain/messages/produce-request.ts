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
  /** On a topic whose definition warns about values that break its schema: what was wrong, as a sentence. */
  warning?: string;
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

/** Bytes one message of the request takes: key, value, and every header's name and value. */
export function messageBytes(request: Pick<TProduceRequest, "key" | "value" | "headers">): number {
  let bytes = payloadSize(request.key) + payloadSize(request.value);
  for (const header of request.headers)
    bytes += new TextEncoder().encode(header.key).length + payloadSize(header.value);
  return bytes;
}

/**
 * Why the request is too large to send, or null: everything it sends — one message's key, value
 * and headers, times repeat — must fit in `maxBytes` (the server's PRODUCE_MAX_BYTES).
 */
export function produceSizeProblem(
  request: Pick<TProduceRequest, "key" | "value" | "headers" | "repeat">,
  maxBytes: number,
): string | null {
  const one = messageBytes(request);
  const repeat = request.repeat ?? 1;
  const total = one * repeat;
  if (total <= maxBytes) return null;
  const count = (value: number) => value.toLocaleString("en-US");
  const what = repeat === 1 ? "one message" : `${count(repeat)} messages of ${count(one)} bytes`;
  return `This produce sends ${count(total)} bytes (${what}, counting key, value and headers); the server sends at most ${count(maxBytes)} bytes in one produce (PRODUCE_MAX_BYTES).`;
}
