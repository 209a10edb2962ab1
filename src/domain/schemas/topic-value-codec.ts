import type { TSchemaFormat } from "~/domain/definitions/definition";
import type { TSchemaDecoded } from "~/domain/messages/message";
import { toJsonText } from "./json-values";
import { compileValueSchema, type TValueSchema } from "./value-schema";
import { readConfluentFrame } from "./wire-format";

/** One stored version of a topic's value schema; `id` doubles as the Confluent schema id. */
export type TStoredSchemaVersion = { id: number; version: number; text: string };

export type TTopicValueCodec = {
  format: TSchemaFormat;
  /** The newest version that compiles: what produce validates and encodes with. */
  latest: { version: number; schema: TValueSchema };
  /**
   * A record value decoded with the topic's schema as JSON text, a note when it should have
   * decoded but did not, or null when the plain decoders are the right ones (JSON Schema topics:
   * the value is JSON text already).
   */
  decode(bytes: Uint8Array): TSchemaDecoded | null;
};

const FORMAT_NAMES: Record<TSchemaFormat, string> = { json: "JSON", avro: "Avro", protobuf: "Protobuf" };

/**
 * How a topic's values are decoded. A Confluent frame whose schema id is one of the topic's
 * versions is decoded with that version. Other Avro and Protobuf values carry no version, so the
 * newest version is tried first and then the older ones: data written before a change decodes with
 * the schema it was written with (Avro refuses bytes left over or missing, so a wrong version
 * rarely passes; the label says which version did). Null when no version compiles.
 */
export function createTopicValueCodec(
  format: TSchemaFormat,
  versions: readonly TStoredSchemaVersion[],
): TTopicValueCodec | null {
  const compiled = versions
    .map((version) => ({ ...version, result: compileValueSchema(format, version.text) }))
    .flatMap(({ id, version, result }) => (result.ok ? [{ id, version, schema: result.schema }] : []))
    .sort((a, b) => b.version - a.version);
  const latest = compiled[0];
  if (!latest) return null;
  const byId = new Map(compiled.map((version) => [version.id, version]));
  const name = FORMAT_NAMES[format];
  const label = (version: number) => `${name} (v${version})`;

  return {
    format,
    latest: { version: latest.version, schema: latest.schema },
    decode(bytes) {
      const frame = readConfluentFrame(bytes);
      const framed = frame ? byId.get(frame.schemaId) : undefined;
      if (framed) {
        const decoded = framed.schema.decode(bytes, { isFramed: true });
        if (decoded.ok) return { label: label(framed.version), json: toJsonText(decoded.value) };
        return { label: label(framed.version), note: `${decoded.message} Shown with the plain decoders.` };
      }
      if (format === "json") return null;
      let firstFailure = "";
      for (const version of compiled) {
        const decoded = version.schema.decode(bytes);
        if (decoded.ok) return { label: label(version.version), json: toJsonText(decoded.value) };
        firstFailure ||= decoded.message;
      }
      return { label: label(latest.version), note: `${firstFailure} Shown with the plain decoders.` };
    },
  };
}
