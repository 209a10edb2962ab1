import "server-only";
import { SCHEMA_FORMAT_LABELS } from "~/domain/definitions/definition";
import { compileValueSchema, type TValueSchema } from "~/domain/schemas/value-schema";
import type { TTopicSchemaText } from "./worker-protocol";

/** Judges values against a topic's newest value schema: a sentence when one does not fit, else null. */
export type TTopicValidator = (topic: string, value: unknown) => string | null;

/**
 * Compiles each topic's newest value schema once (in the worker). A schema that does not compile
 * judges nothing: the definitions page already says what is wrong with it.
 */
export function topicValidators(schemas: Record<string, TTopicSchemaText>): TTopicValidator {
  const compiled = new Map<string, { schema: TValueSchema; label: string }>();
  for (const [topic, schema] of Object.entries(schemas)) {
    const result = compileValueSchema(schema.format, schema.text);
    if (result.ok)
      compiled.set(topic, {
        schema: result.schema,
        label: `${SCHEMA_FORMAT_LABELS[schema.format]} (v${schema.version})`,
      });
  }
  return (topic, value) => {
    const entry = compiled.get(topic);
    if (!entry) return null;
    let violation;
    try {
      violation = entry.schema.validate(value);
    } catch {
      // A value nested deep enough to overflow a validator's stack does not fit.
      return `The value does not fit ${topic}'s ${entry.label} schema: it nests too deeply to check.`;
    }
    if (!violation) return null;
    return `The value does not fit ${topic}'s ${entry.label} schema: ${violation.message}`;
  };
}
