import "server-only";
import type { TImportDraft } from "~/domain/definitions/definition-dto";
import { parseJsonLossless } from "~/domain/messages/lossless-json";
import { inferJsonSchema } from "~/domain/schemas/infer-json-schema";
import { pluralize } from "~/lib/format";

const decoder = new TextDecoder("utf-8", { fatal: true });

function parseJsonValue(bytes: Uint8Array): { value: unknown } | null {
  try {
    return parseJsonLossless(decoder.decode(bytes));
  } catch {
    return null;
  }
}

/** A JSON Schema inferred from the values that are JSON, or why there is none. */
export function inferFromValues(values: ReadonlyArray<Uint8Array | null>): Omit<TImportDraft, "definition"> {
  const present = values.filter((value): value is Uint8Array => value !== null);
  if (present.length === 0) {
    return { inferredSchemaText: null, sampled: 0, note: "The topic holds no values to infer a schema from." };
  }
  const parsed = present.flatMap((bytes) => {
    const result = parseJsonValue(bytes);
    return result ? [result.value] : [];
  });
  if (parsed.length === 0) {
    return {
      inferredSchemaText: null,
      sampled: present.length,
      note: `None of the ${pluralize(present.length, "sampled value")} is JSON, so no schema was inferred; write an Avro or Protobuf schema instead.`,
    };
  }
  const schemaText = JSON.stringify(inferJsonSchema(parsed), null, 2);
  const skipped = present.length - parsed.length;
  return {
    inferredSchemaText: schemaText,
    sampled: present.length,
    note:
      skipped === 0
        ? null
        : `${pluralize(skipped, "sampled value")} of ${present.length} ${skipped === 1 ? "is" : "are"} not JSON; the schema was inferred from the rest.`,
  };
}
