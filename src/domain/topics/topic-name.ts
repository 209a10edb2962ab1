/**
 * Topic name rules, exactly as `org.apache.kafka.common.internals.Topic.validate` (Kafka 4.x)
 * enforces them, plus Tributary's own rule against creating names in Kafka's `__` namespace.
 */
import { describeCodePoint } from "./char-names";

/** `Topic.MAX_NAME_LENGTH`: a topic's folder is `<name>-<partition>`, and 249 leaves room within 255. */
export const TOPIC_NAME_MAX_LENGTH = 249;

/** `Topic.LEGAL_CHARS`: ASCII letters and digits, '.', '_' and '-'. */
const LEGAL_CHAR = /^[a-zA-Z0-9._-]$/;

/**
 * Topics Kafka itself creates and owns. The first three are `Topic.isInternal`; `__cluster_metadata`
 * is KRaft's metadata log, which is not a topic clients can see but whose name is still Kafka's.
 */
export const KAFKA_INTERNAL_TOPIC_NAMES = [
  "__consumer_offsets",
  "__transaction_state",
  "__share_group_state",
  "__cluster_metadata",
] as const;

/** Kafka's check on any topic name: null when valid, else the sentence a user reads. */
export function validateTopicName(name: string): string | null {
  if (name === "") return "A topic name cannot be empty.";
  if (name === "." || name === "..") return "A topic name cannot be '.' or '..'.";
  if (name.length > TOPIC_NAME_MAX_LENGTH) {
    return `A topic name can be at most ${TOPIC_NAME_MAX_LENGTH} characters; this one has ${name.length}.`;
  }
  const illegal = [...new Set([...name].filter((char) => !LEGAL_CHAR.test(char)))];
  if (illegal.length > 0) {
    return `A topic name can use only letters, digits, '.', '_' and '-'; ${describeChars(illegal)}.`;
  }
  return null;
}

/**
 * The check for a topic about to be created: Kafka's rules, then a refusal of the `__` prefix.
 * Kafka itself accepts "__foo", but the prefix marks its own topics and tools (kafka-ui, AKHQ and
 * our own lists) hide or protect such names as internal, so a user topic there would be confusing.
 */
export function validateNewTopicName(name: string): string | null {
  const kafkaRule = validateTopicName(name);
  if (kafkaRule !== null) return kafkaRule;
  if ((KAFKA_INTERNAL_TOPIC_NAMES as readonly string[]).includes(name)) {
    return `${name} is one of Kafka's internal topics; Kafka creates it itself.`;
  }
  if (name.startsWith("__")) {
    return "Names starting with '__' are reserved for Kafka's internal topics; choose another name.";
  }
  return null;
}

/**
 * Whether a name is internal. We count Kafka's own topics and, by the same convention Kafka uses for
 * them, every name starting with `__` — what the app hides by default and refuses to create.
 * Single-underscore names (`_schemas`, `_confluent-*`) belong to other tools and stay ordinary.
 */
export function isInternalTopicName(name: string): boolean {
  return name.startsWith("__");
}

/**
 * Kafka's metrics replace '.' with '_', so "a.b" and "a_b" would report under one name
 * (`Topic.hasCollision`). Returns the existing topic that collides with `name`, or null.
 * An identical name is not a collision: it is the same topic ("already exists").
 * Note: a KRaft controller refuses to create a colliding topic (INVALID_TOPIC_EXCEPTION,
 * "Topic 'a_b' collides with existing topic: a.b"), so a create form should treat it as an error.
 */
export function findCollidingTopic(name: string, existingNames: readonly string[]): string | null {
  if (!/[._]/.test(name)) return null;
  const unified = unifyCollisionChars(name);
  return existingNames.find((existing) => existing !== name && unifyCollisionChars(existing) === unified) ?? null;
}

/** `Topic.unifyCollisionChars`. */
function unifyCollisionChars(name: string): string {
  return name.replaceAll(".", "_");
}

/** "'/' is not allowed", "'/' and a space are not allowed", at most three named. */
function describeChars(chars: string[]): string {
  const shown = chars.slice(0, 3).map(describeChar);
  const rest = chars.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more are not allowed`;
  if (shown.length === 1) return `${shown[0]} is not allowed`;
  return `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)} are not allowed`;
}

function describeChar(char: string): string {
  if (char === " ") return "a space";
  // Printable ASCII is unambiguous between quotes. Anything else is named by code point: a
  // Cyrillic 'а' between quotes looks exactly like the Latin letter the user thinks they typed,
  // and invisible characters would print as nothing at all.
  if (/^[\x21-\x7e]$/.test(char)) return `'${char}'`;
  return describeCodePoint(char);
}
