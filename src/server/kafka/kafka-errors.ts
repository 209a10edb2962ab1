import "server-only";
import { AppError } from "~/lib/app-error";

/**
 * The one place that turns kafkajs errors into sentences. kafkajs is CommonJS without named ESM
 * exports for its error classes, so errors are recognised by their `name` (stable in 2.2.4) and,
 * for broker-side rejections, by the Kafka error `type` they carry.
 */

type KafkaJsErrorShape = Error & {
  type?: string;
  retriable?: boolean;
  cause?: unknown;
  originalError?: unknown;
  /** KafkaJSAggregateError (createTopics): one KafkaJSCreateTopicError per refused topic. */
  errors?: unknown[];
};

const UNREACHABLE_NAMES = new Set([
  "KafkaJSConnectionError",
  "KafkaJSConnectionClosedError",
  "KafkaJSRequestTimeoutError",
  "KafkaJSBrokerNotFound",
  "KafkaJSNoBrokerAvailableError",
  "KafkaJSMetadataNotLoaded",
]);

/** Sentences for broker-side rejections, keyed by Kafka's error type. Later issues add to it. */
const REJECTIONS: Record<string, { message: string; hint: string }> = {
  TOPIC_ALREADY_EXISTS: { message: "A topic with this name already exists.", hint: "Choose another name." },
  UNKNOWN_TOPIC_OR_PARTITION: {
    message: "The topic or partition does not exist on this cluster.",
    hint: "It may have been deleted; refresh the list.",
  },
  INVALID_REPLICATION_FACTOR: {
    message: "The replication factor is larger than the number of live brokers.",
    hint: "Lower the replication factor or start more brokers.",
  },
  INVALID_PARTITIONS: { message: "The partition count is not valid.", hint: "Use a whole number of at least 1." },
  INVALID_CONFIG: {
    message: "The broker rejected a config value.",
    hint: "Check the value against the config's rules.",
  },
  POLICY_VIOLATION: {
    message: "The cluster's policy refused this change.",
    hint: "Ask the cluster's administrators which settings its policy allows.",
  },
  NOT_CONTROLLER: { message: "The broker asked is not the active controller.", hint: "Tributary retries; try again." },
  REQUEST_TIMED_OUT: { message: "Kafka did not answer in time.", hint: "The cluster may be overloaded; try again." },
  CLUSTER_AUTHORIZATION_FAILED: {
    message: "This cluster's ACLs do not allow the operation.",
    hint: "Ask for the ACL, or use an account that has it.",
  },
  TOPIC_AUTHORIZATION_FAILED: {
    message: "This cluster's ACLs do not allow access to the topic.",
    hint: "Ask for the ACL, or use an account that has it.",
  },
  INVALID_TOPIC_EXCEPTION: {
    message: "Kafka refused the topic name.",
    hint: "Use letters, digits, '.', '_' and '-', and no name that differs from an existing one only by '.' versus '_'.",
  },
  TOPIC_DELETION_DISABLED: {
    message: "This cluster does not allow deleting topics (delete.topic.enable is false).",
    hint: "Ask the cluster's administrators to enable topic deletion.",
  },
  INVALID_REQUEST: { message: "Kafka refused the request as invalid.", hint: "Check the values and try again." },
  MESSAGE_TOO_LARGE: {
    message: "The message is larger than this topic accepts (max.message.bytes).",
    hint: "Send a smaller value, or raise the topic's max.message.bytes on the Configs tab.",
  },
  RECORD_LIST_TOO_LARGE: {
    message: "The messages together are larger than the broker accepts in one request.",
    hint: "Repeat fewer times or send a smaller value.",
  },
  NOT_ENOUGH_REPLICAS: {
    message: "Fewer replicas are in sync than the topic's min.insync.replicas requires, so Kafka refused the write.",
    hint: "Bring the stopped brokers back, or lower min.insync.replicas.",
  },
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: {
    message: "The write reached the leader but too few replicas confirmed it (min.insync.replicas).",
    hint: "Bring the stopped brokers back; the message may or may not have been kept.",
  },
  // Consumer-group offsets and deletion (issue 5). The services count active members before asking
  // Kafka; these cover a member that joined in between.
  NON_EMPTY_GROUP: {
    message: "The group has active members; stop them first.",
    hint: "Stop every consumer in the group, then try again.",
  },
  GROUP_SUBSCRIBED_TO_TOPIC: {
    message: "The group has active members subscribed to this topic; stop them first.",
    hint: "Stop every consumer in the group, then try again.",
  },
  UNKNOWN_MEMBER_ID: {
    message: "The group has active members; stop them first.",
    hint: "Kafka accepts offset changes only for a group without members.",
  },
  ILLEGAL_GENERATION: {
    message: "The group has active members; stop them first.",
    hint: "Kafka accepts offset changes only for a group without members.",
  },
  GROUP_ID_NOT_FOUND: { message: "There is no consumer group with this id.", hint: "It may have been deleted; refresh." },
  GROUP_AUTHORIZATION_FAILED: {
    message: "This cluster's ACLs do not allow access to the consumer group.",
    hint: "Ask for the ACL, or use an account that has it.",
  },
  REASSIGNMENT_IN_PROGRESS: {
    message: "A partition reassignment is in progress for this topic.",
    hint: "Wait for it to finish, then try again.",
  },
};

function innerError(shape: KafkaJsErrorShape): unknown {
  if (shape.name === "KafkaJSNumberOfRetriesExceeded") return shape.cause ?? shape.originalError;
  // We create one topic per request, so the first refusal is the one to report.
  if (shape.name === "KafkaJSAggregateError") return shape.errors?.[0];
  return undefined;
}

function rootCause(error: unknown): KafkaJsErrorShape | null {
  let current: unknown = error;
  // NumberOfRetriesExceeded and AggregateError wrap the real error; unwrap a few levels at most.
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const shape = current as KafkaJsErrorShape;
    const inner = innerError(shape);
    if (!(inner instanceof Error)) return shape;
    current = inner;
  }
  return current instanceof Error ? (current as KafkaJsErrorShape) : null;
}

/** Kafka's error type (e.g. "TOPIC_ALREADY_EXISTS") behind a kafkajs error or our AppError of one, else null. */
export function kafkaErrorType(error: unknown): string | null {
  // withAdmin and friends keep the kafkajs error they mapped as the AppError's cause.
  return rootCause(error instanceof AppError ? error.cause : error)?.type ?? null;
}

export function isKafkaUnreachable(error: unknown): boolean {
  const cause = rootCause(error);
  if (!cause) return false;
  return UNREACHABLE_NAMES.has(cause.name) || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT/.test(cause.message);
}

/** Maps any error met while talking to a cluster at `bootstrapServers` to an AppError. */
export function toKafkaAppError(error: unknown, bootstrapServers: string): AppError {
  if (error instanceof AppError) return error;
  if (isKafkaUnreachable(error)) {
    return new AppError(
      "KAFKA_UNREACHABLE",
      `Kafka is unreachable at ${bootstrapServers}.`,
      "Check that the brokers are running and reachable from the Tributary server.",
      { cause: error },
    );
  }
  const cause = rootCause(error);
  const rejection = cause?.type ? REJECTIONS[cause.type] : undefined;
  if (rejection) return new AppError("KAFKA_REJECTED", rejection.message, rejection.hint, { cause: error });
  if (cause?.type) {
    return new AppError("KAFKA_REJECTED", `Kafka refused the request (${cause.type}).`, undefined, { cause: error });
  }
  return new AppError(
    "INTERNAL",
    "Talking to Kafka failed unexpectedly.",
    "Try again; if it persists, check the server log.",
    {
      cause: error,
    },
  );
}
