import "server-only";
import type { TProduceValidation } from "~/domain/definitions/definition";
import { createTopicValueCodec, type TTopicValueCodec } from "~/domain/schemas/topic-value-codec";
import { AppError } from "~/lib/app-error";
import { findTopicSchema } from "~/server/db/topic-schemas";

/**
 * A topic's value schema as the message services use it, read from its definition. Cached a few
 * seconds per topic: a page of messages, every tail batch and every search round would otherwise
 * ask PostgreSQL, and a new schema version may take that long to show. When PostgreSQL cannot
 * answer, messages are still shown, with the plain decoders and a note saying why.
 */
export type TTopicSchema = {
  codec: TTopicValueCodec | null;
  produceValidation: TProduceValidation;
  /** A sentence when the definition could not be read; null otherwise. */
  note: string | null;
};

const FRESH_MS = 5_000;
/** A failed read is retried sooner, so values decode again soon after PostgreSQL returns. */
const FAILED_FRESH_MS = 1_000;

type TEntry = { at: number; ttl: number; value: Promise<TTopicSchema> };

const cache = globalThis as typeof globalThis & { __tributaryTopicSchemas?: Map<string, TEntry> };
const entries = (cache.__tributaryTopicSchemas ??= new Map());

const NONE: TTopicSchema = { codec: null, produceValidation: "off", note: null };

export const SCHEMA_UNREADABLE_NOTE =
  "The topic's definition could not be read (Tributary's database is unreachable), so values are shown with the plain decoders.";

export function lookupTopicSchema(clusterId: string, topic: string): Promise<TTopicSchema> {
  const key = `${clusterId}\u0000${topic}`;
  const entry = entries.get(key);
  if (entry && Date.now() - entry.at < entry.ttl) return entry.value;
  const fresh: TEntry = { at: Date.now(), ttl: FRESH_MS, value: Promise.resolve(NONE) };
  fresh.value = read(clusterId, topic).then(
    (value) => value,
    (error: unknown) => {
      fresh.ttl = FAILED_FRESH_MS;
      if (error instanceof AppError && error.code === "DATABASE_UNREACHABLE") {
        return { ...NONE, note: SCHEMA_UNREADABLE_NOTE };
      }
      console.error("topic schema lookup failed", error);
      return {
        ...NONE,
        note: "The topic's definition could not be read, so values are shown with the plain decoders.",
      };
    },
  );
  // Bounded: one entry per topic looked at; a topic's entry is replaced, never duplicated.
  entries.set(key, fresh);
  return fresh.value;
}

async function read(clusterId: string, topic: string): Promise<TTopicSchema> {
  const row = await findTopicSchema(clusterId, topic);
  if (!row) return NONE;
  return {
    codec: createTopicValueCodec(row.format, row.versions),
    produceValidation: row.produceValidation,
    note: null,
  };
}

/** Forgets cached schemas (a definition's schema changed; tests). */
export function forgetTopicSchemas(clusterId?: string, topic?: string): void {
  if (clusterId && topic) entries.delete(`${clusterId}\u0000${topic}`);
  else entries.clear();
}
