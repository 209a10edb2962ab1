import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { AppError } from "~/lib/app-error";
import { ADDRESS_REFUSED_CODE } from "./connection/policed-socket-core.mjs";
import { KAFKA_ERROR_SENTENCES } from "./error-sentences/by-code";
import { kafkaProtocolError, toKafkaAppError } from "./kafka-errors";

/**
 * Every error code of Kafka 4.3.1's protocol (org.apache.kafka.common.protocol.Errors, printed from
 * the kafka-clients jar the local broker runs), except 0, NONE.
 */
const KAFKA_4_3_ERRORS: [number, string][] = [
  [-1, "UNKNOWN_SERVER_ERROR"],
  [1, "OFFSET_OUT_OF_RANGE"],
  [2, "CORRUPT_MESSAGE"],
  [3, "UNKNOWN_TOPIC_OR_PARTITION"],
  [4, "INVALID_FETCH_SIZE"],
  [5, "LEADER_NOT_AVAILABLE"],
  [6, "NOT_LEADER_OR_FOLLOWER"],
  [7, "REQUEST_TIMED_OUT"],
  [8, "BROKER_NOT_AVAILABLE"],
  [9, "REPLICA_NOT_AVAILABLE"],
  [10, "MESSAGE_TOO_LARGE"],
  [11, "STALE_CONTROLLER_EPOCH"],
  [12, "OFFSET_METADATA_TOO_LARGE"],
  [13, "NETWORK_EXCEPTION"],
  [14, "COORDINATOR_LOAD_IN_PROGRESS"],
  [15, "COORDINATOR_NOT_AVAILABLE"],
  [16, "NOT_COORDINATOR"],
  [17, "INVALID_TOPIC_EXCEPTION"],
  [18, "RECORD_LIST_TOO_LARGE"],
  [19, "NOT_ENOUGH_REPLICAS"],
  [20, "NOT_ENOUGH_REPLICAS_AFTER_APPEND"],
  [21, "INVALID_REQUIRED_ACKS"],
  [22, "ILLEGAL_GENERATION"],
  [23, "INCONSISTENT_GROUP_PROTOCOL"],
  [24, "INVALID_GROUP_ID"],
  [25, "UNKNOWN_MEMBER_ID"],
  [26, "INVALID_SESSION_TIMEOUT"],
  [27, "REBALANCE_IN_PROGRESS"],
  [28, "INVALID_COMMIT_OFFSET_SIZE"],
  [29, "TOPIC_AUTHORIZATION_FAILED"],
  [30, "GROUP_AUTHORIZATION_FAILED"],
  [31, "CLUSTER_AUTHORIZATION_FAILED"],
  [32, "INVALID_TIMESTAMP"],
  [33, "UNSUPPORTED_SASL_MECHANISM"],
  [34, "ILLEGAL_SASL_STATE"],
  [35, "UNSUPPORTED_VERSION"],
  [36, "TOPIC_ALREADY_EXISTS"],
  [37, "INVALID_PARTITIONS"],
  [38, "INVALID_REPLICATION_FACTOR"],
  [39, "INVALID_REPLICA_ASSIGNMENT"],
  [40, "INVALID_CONFIG"],
  [41, "NOT_CONTROLLER"],
  [42, "INVALID_REQUEST"],
  [43, "UNSUPPORTED_FOR_MESSAGE_FORMAT"],
  [44, "POLICY_VIOLATION"],
  [45, "OUT_OF_ORDER_SEQUENCE_NUMBER"],
  [46, "DUPLICATE_SEQUENCE_NUMBER"],
  [47, "INVALID_PRODUCER_EPOCH"],
  [48, "INVALID_TXN_STATE"],
  [49, "INVALID_PRODUCER_ID_MAPPING"],
  [50, "INVALID_TRANSACTION_TIMEOUT"],
  [51, "CONCURRENT_TRANSACTIONS"],
  [52, "TRANSACTION_COORDINATOR_FENCED"],
  [53, "TRANSACTIONAL_ID_AUTHORIZATION_FAILED"],
  [54, "SECURITY_DISABLED"],
  [55, "OPERATION_NOT_ATTEMPTED"],
  [56, "KAFKA_STORAGE_ERROR"],
  [57, "LOG_DIR_NOT_FOUND"],
  [58, "SASL_AUTHENTICATION_FAILED"],
  [59, "UNKNOWN_PRODUCER_ID"],
  [60, "REASSIGNMENT_IN_PROGRESS"],
  [61, "DELEGATION_TOKEN_AUTH_DISABLED"],
  [62, "DELEGATION_TOKEN_NOT_FOUND"],
  [63, "DELEGATION_TOKEN_OWNER_MISMATCH"],
  [64, "DELEGATION_TOKEN_REQUEST_NOT_ALLOWED"],
  [65, "DELEGATION_TOKEN_AUTHORIZATION_FAILED"],
  [66, "DELEGATION_TOKEN_EXPIRED"],
  [67, "INVALID_PRINCIPAL_TYPE"],
  [68, "NON_EMPTY_GROUP"],
  [69, "GROUP_ID_NOT_FOUND"],
  [70, "FETCH_SESSION_ID_NOT_FOUND"],
  [71, "INVALID_FETCH_SESSION_EPOCH"],
  [72, "LISTENER_NOT_FOUND"],
  [73, "TOPIC_DELETION_DISABLED"],
  [74, "FENCED_LEADER_EPOCH"],
  [75, "UNKNOWN_LEADER_EPOCH"],
  [76, "UNSUPPORTED_COMPRESSION_TYPE"],
  [77, "STALE_BROKER_EPOCH"],
  [78, "OFFSET_NOT_AVAILABLE"],
  [79, "MEMBER_ID_REQUIRED"],
  [80, "PREFERRED_LEADER_NOT_AVAILABLE"],
  [81, "GROUP_MAX_SIZE_REACHED"],
  [82, "FENCED_INSTANCE_ID"],
  [83, "ELIGIBLE_LEADERS_NOT_AVAILABLE"],
  [84, "ELECTION_NOT_NEEDED"],
  [85, "NO_REASSIGNMENT_IN_PROGRESS"],
  [86, "GROUP_SUBSCRIBED_TO_TOPIC"],
  [87, "INVALID_RECORD"],
  [88, "UNSTABLE_OFFSET_COMMIT"],
  [89, "THROTTLING_QUOTA_EXCEEDED"],
  [90, "PRODUCER_FENCED"],
  [91, "RESOURCE_NOT_FOUND"],
  [92, "DUPLICATE_RESOURCE"],
  [93, "UNACCEPTABLE_CREDENTIAL"],
  [94, "INCONSISTENT_VOTER_SET"],
  [95, "INVALID_UPDATE_VERSION"],
  [96, "FEATURE_UPDATE_FAILED"],
  [97, "PRINCIPAL_DESERIALIZATION_FAILURE"],
  [98, "SNAPSHOT_NOT_FOUND"],
  [99, "POSITION_OUT_OF_RANGE"],
  [100, "UNKNOWN_TOPIC_ID"],
  [101, "DUPLICATE_BROKER_REGISTRATION"],
  [102, "BROKER_ID_NOT_REGISTERED"],
  [103, "INCONSISTENT_TOPIC_ID"],
  [104, "INCONSISTENT_CLUSTER_ID"],
  [105, "TRANSACTIONAL_ID_NOT_FOUND"],
  [106, "FETCH_SESSION_TOPIC_ID_ERROR"],
  [107, "INELIGIBLE_REPLICA"],
  [108, "NEW_LEADER_ELECTED"],
  [109, "OFFSET_MOVED_TO_TIERED_STORAGE"],
  [110, "FENCED_MEMBER_EPOCH"],
  [111, "UNRELEASED_INSTANCE_ID"],
  [112, "UNSUPPORTED_ASSIGNOR"],
  [113, "STALE_MEMBER_EPOCH"],
  [114, "MISMATCHED_ENDPOINT_TYPE"],
  [115, "UNSUPPORTED_ENDPOINT_TYPE"],
  [116, "UNKNOWN_CONTROLLER_ID"],
  [117, "UNKNOWN_SUBSCRIPTION_ID"],
  [118, "TELEMETRY_TOO_LARGE"],
  [119, "INVALID_REGISTRATION"],
  [120, "TRANSACTION_ABORTABLE"],
  [121, "INVALID_RECORD_STATE"],
  [122, "SHARE_SESSION_NOT_FOUND"],
  [123, "INVALID_SHARE_SESSION_EPOCH"],
  [124, "FENCED_STATE_EPOCH"],
  [125, "INVALID_VOTER_KEY"],
  [126, "DUPLICATE_VOTER"],
  [127, "VOTER_NOT_FOUND"],
  [128, "INVALID_REGULAR_EXPRESSION"],
  [129, "REBOOTSTRAP_REQUIRED"],
  [130, "STREAMS_INVALID_TOPOLOGY"],
  [131, "STREAMS_INVALID_TOPOLOGY_EPOCH"],
  [132, "STREAMS_TOPOLOGY_FENCED"],
  [133, "SHARE_SESSION_LIMIT_REACHED"],
];

/** kafkajs 2.2.4's own table: the `type` names its KafkaJSProtocolErrors carry. */
const kafkajsCodes = (
  createRequire(import.meta.url)("kafkajs/src/protocol/error.js") as {
    errorCodes: { type: string; code: number; message: string }[];
  }
).errorCodes;

const BOOTSTRAP = "127.0.0.1:9092";

/** An error as kafkajs throws it for a broker's error code. */
function kafkajsProtocolError(type: string, code: number, message = type): Error {
  return Object.assign(new Error(message), { name: "KafkaJSProtocolError", type, code });
}

/**
 * Codes a broker answers while a client logs in: they mean the cluster's SASL settings are wrong,
 * so they read as the connection's own sentence (connection-failure.ts), not as a rejected request.
 */
const SASL_LOGIN_CODES = new Set(["UNSUPPORTED_SASL_MECHANISM", "ILLEGAL_SASL_STATE"]);

function expectSentence(error: AppError, name: string) {
  if (SASL_LOGIN_CODES.has(name)) {
    expect(error.code).toBe("KAFKA_UNREACHABLE");
    expect(error.message).toBe(`The listener at ${BOOTSTRAP} does not take a SASL login with this mechanism.`);
    return;
  }
  expect(error.code).toBe("KAFKA_REJECTED");
  expect(error.message).not.toContain(name);
  expect(error.message).not.toMatch(/KAFKA_ERROR|\b[A-Z]{3,}_[A-Z_]+\b/);
  expect(error.message).toMatch(/^[A-Z].{15,}\.$/);
  expect(error.hint).toMatch(/^[A-Z].{5,}\.$/);
}

describe("Kafka error codes as sentences", () => {
  it.each(KAFKA_4_3_ERRORS)("says what error %i (%s) means and what to do, never just its name", (code, name) => {
    const entry = KAFKA_ERROR_SENTENCES.find((candidate) => candidate.code === code);
    expect(entry, `no sentence for error code ${code} (${name})`).toBeDefined();
    expect(entry?.name).toBe(name);
    expectSentence(toKafkaAppError(kafkaProtocolError(code), BOOTSTRAP), name);
  });

  it("knows no code Kafka 4.3 does not have, and each code once", () => {
    const codes = KAFKA_ERROR_SENTENCES.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.sort((a, b) => a - b)).toEqual(KAFKA_4_3_ERRORS.map(([code]) => code));
  });

  it.each(kafkajsCodes.map((entry) => [entry.type, entry.code] as const))(
    "maps kafkajs's %s (code %i) to the same sentence as Kafka's name",
    (type, code) => {
      const mapped = toKafkaAppError(kafkajsProtocolError(type, code), BOOTSTRAP);
      expectSentence(mapped, type);
      expect(mapped.message).toBe(toKafkaAppError(kafkaProtocolError(code), BOOTSTRAP).message);
    },
  );

  it("reads the code kafkajs keeps only in its message for codes it does not know (TOPIC_AUTHORIZATION_FAILED came out as KAFKA_ERROR_29)", () => {
    const unknownToKafkajs = kafkajsProtocolError("KAFKAJS_UNKNOWN_ERROR_CODE", -99, "Unknown error code 113");
    expect(toKafkaAppError(unknownToKafkajs, BOOTSTRAP).message).toBe(
      "A member of this group used an outdated member epoch.",
    );
    expect(toKafkaAppError(kafkaProtocolError(29), BOOTSTRAP).message).toBe(
      "This cluster's ACLs do not allow access to the topic.",
    );
  });

  it("still says a sentence for a code newer than this table", () => {
    const error = toKafkaAppError(kafkaProtocolError(9_999), BOOTSTRAP);
    expect(error.message).toBe(
      "Kafka refused the request with an error this version of Tributary does not know (error code 9999).",
    );
  });
});

describe("a socket the address policy refused", () => {
  const kafkajsErrors = createRequire(import.meta.url)("kafkajs/src/errors.js") as {
    KafkaJSConnectionError: new (message: string, options: { broker: string; code: string }) => Error;
    KafkaJSNumberOfRetriesExceeded: new (cause: Error, options: { retryCount: number; retryTime: number }) => Error;
  };

  it("reads as the policy's sentence, however deep kafkajs wrapped it, not as an unreachable cluster", () => {
    const sentence = "169.254.169.254 is a cloud metadata address; Tributary never connects to it.";
    const refused = new kafkajsErrors.KafkaJSConnectionError(`Connection error: ${sentence}`, {
      broker: "169.254.169.254:80",
      code: ADDRESS_REFUSED_CODE,
    });
    const retried = new kafkajsErrors.KafkaJSNumberOfRetriesExceeded(refused, { retryCount: 2, retryTime: 500 });
    const mapped = toKafkaAppError(retried, "169.254.169.254:80");
    expect(mapped.code).toBe("FORBIDDEN");
    expect(mapped.message).toBe(sentence);
    expect(mapped.hint).toMatch(/address policy on the Network page/);
  });
});
