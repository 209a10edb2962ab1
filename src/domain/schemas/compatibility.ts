import type { TCompatibility, TSchemaFormat } from "~/domain/definitions/definition";
import { avroReadProblems } from "./avro-compatibility";
import { jsonSchemaReadProblems } from "./json-schema-compatibility";
import { protobufReadProblems, protobufRemovalProblems } from "./protobuf-compatibility";
import { compileValueSchema } from "./value-schema";

/**
 * Whether `nextText` may follow `previousText` under `mode`, in the Schema Registry's sense:
 * backward — readers on the new schema read data written with the previous one; forward — readers
 * on the previous schema read data written with the new one; full — both. Each reason is a
 * sentence naming the field.
 */
export function checkCompatibility(
  format: TSchemaFormat,
  mode: TCompatibility,
  previousText: string,
  nextText: string,
): { ok: true } | { ok: false; reasons: string[] } {
  const next = compileValueSchema(format, nextText);
  if (!next.ok) return { ok: false, reasons: [next.message] };
  if (mode === "none") return { ok: true };
  const previous = compileValueSchema(format, previousText);
  // A previous version that no longer compiles (a library upgrade) cannot constrain the next one.
  if (!previous.ok) return { ok: true };
  const reasons = format === "protobuf" ? protobufRemovalProblems(previousText, nextText).map(sentence) : [];
  if (mode === "backward" || mode === "full") {
    reasons.push(...readProblems(format, nextText, previousText).map((reason) => `Backward: ${reason}`));
  }
  if (mode === "forward" || mode === "full") {
    reasons.push(...readProblems(format, previousText, nextText).map((reason) => `Forward: ${reason}`));
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Why a reader on `readerText` cannot read every value written with `writerText` (empty: it can). */
function readProblems(format: TSchemaFormat, readerText: string, writerText: string): string[] {
  switch (format) {
    case "json":
      return jsonSchemaReadProblems(JSON.parse(readerText) as unknown, JSON.parse(writerText) as unknown);
    case "avro":
      return avroReadProblems(readerText, writerText);
    case "protobuf":
      return protobufReadProblems(readerText, writerText);
  }
}
