import "server-only";
import type { TProducePayload } from "~/domain/messages/produce-request";
import { parseJsonLossless } from "~/domain/messages/lossless-json";
import type { TTopicValueCodec } from "~/domain/schemas/topic-value-codec";
import type { TSchemaViolation } from "~/domain/schemas/value-schema";
import { AppError } from "~/lib/app-error";
import type { TTopicSchema } from "./topic-schema";

const FORMAT_NAMES = { json: "JSON Schema", avro: "Avro schema", protobuf: "Protobuf schema" } as const;

/**
 * The bytes to produce for a value on a topic with a schema, judged by the definition's produce
 * validation. JSON text typed for an Avro or Protobuf topic is encoded with the newest schema
 * version (plain Avro binary / Protobuf, without the Confluent frame: there is no registry for a
 * consumer to look the id up in). Bytes given as base64 (a replay) are checked by decoding them.
 * "refuse" throws a sentence naming the place and the rule; "warn" produces and returns the
 * sentence; "off" checks nothing — a value that cannot be encoded is then sent as typed.
 */
export function prepareProduceValue(
  schema: TTopicSchema,
  value: TProducePayload | null,
): { bytes: Buffer | null; warning: string | null } {
  const asGiven =
    value === null ? null : "text" in value ? Buffer.from(value.text, "utf8") : Buffer.from(value.base64, "base64");
  const { codec, produceValidation } = schema;
  if (!codec || value === null || asGiven === null) return { bytes: asGiven, warning: null };

  const judged = judge(codec, value, asGiven);
  if (!judged.violation) return { bytes: judged.bytes, warning: null };
  if (produceValidation === "off") return { bytes: judged.bytes, warning: null };
  const sentence = describeViolation(codec, judged.violation);
  if (produceValidation === "refuse") {
    throw new AppError(
      "BAD_INPUT",
      sentence,
      "Fix the value; to send such values anyway, set the topic definition's produce validation to warn or off.",
    );
  }
  return { bytes: judged.bytes, warning: `${sentence} It was sent anyway (the definition warns rather than refuses).` };
}

function judge(
  codec: TTopicValueCodec,
  value: TProducePayload,
  asGiven: Buffer,
): { bytes: Buffer; violation: TSchemaViolation | null } {
  const { schema } = codec.latest;
  if ("base64" in value) {
    const decoded = codec.decode(asGiven);
    if (decoded?.note) return { bytes: asGiven, violation: { path: "", rule: "decode", message: decoded.note } };
    const json = decoded?.json ?? asGiven.toString("utf8");
    const parsed = parseJsonLossless(json);
    if (!parsed) return { bytes: asGiven, violation: { path: "", rule: "json", message: "The value is not JSON." } };
    return { bytes: asGiven, violation: schema.validate(parsed.value) };
  }
  const parsed = parseJsonLossless(value.text.trim());
  if (!parsed) {
    return { bytes: asGiven, violation: { path: "", rule: "json", message: "The value is not valid JSON." } };
  }
  const violation = schema.validate(parsed.value);
  if (violation || codec.format === "json") return { bytes: asGiven, violation };
  const encoded = schema.encode(parsed.value);
  return encoded.ok
    ? { bytes: Buffer.from(encoded.bytes), violation: null }
    : { bytes: asGiven, violation: encoded.violation };
}

function describeViolation(codec: TTopicValueCodec, violation: TSchemaViolation): string {
  const place = violation.path === "" ? "" : ` at ${violation.path}`;
  return (
    `The value does not fit the topic's ${FORMAT_NAMES[codec.format]} (v${codec.latest.version})${place}, rule "${violation.rule}": ` +
    violation.message
  );
}
