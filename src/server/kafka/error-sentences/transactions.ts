import type { TKafkaErrorSentence } from "./types";

/** Idempotent and transactional producers. */
export const TRANSACTION_ERRORS: readonly TKafkaErrorSentence[] = [
  {
    code: 45,
    name: "OUT_OF_ORDER_SEQUENCE_NUMBER",
    message: "The broker received the producer's messages out of order.",
    hint: "Messages may have been lost in between; restart the producer and check the topic.",
  },
  {
    code: 46,
    name: "DUPLICATE_SEQUENCE_NUMBER",
    message: "The broker already has these messages from this producer and did not write them twice.",
    hint: "Nothing was lost; no action is needed.",
  },
  {
    code: 47,
    name: "INVALID_PRODUCER_EPOCH",
    message: "A newer producer with the same transactional id replaced this one.",
    hint: "Close this producer; only the newest one may write.",
  },
  {
    code: 48,
    name: "INVALID_TXN_STATE",
    message: "The transaction is in a state that does not allow this step.",
    hint: "Abort the transaction and start a new one.",
  },
  {
    code: 49,
    name: "INVALID_PRODUCER_ID_MAPPING",
    message: "The producer id does not belong to this transactional id any more.",
    hint: "Restart the producer so it initialises its transactions again.",
  },
  {
    code: 50,
    name: "INVALID_TRANSACTION_TIMEOUT",
    message: "The transaction timeout is longer than the broker allows (transaction.max.timeout.ms).",
    hint: "Lower the producer's transaction.timeout.ms.",
  },
  {
    code: 51,
    name: "CONCURRENT_TRANSACTIONS",
    message: "Another step of the same transaction is still under way.",
    hint: "Wait a moment and try again.",
  },
  {
    code: 52,
    name: "TRANSACTION_COORDINATOR_FENCED",
    message: "The transaction coordinator was replaced while finishing the transaction.",
    hint: "Try again; the new coordinator completes it.",
  },
  {
    code: 59,
    name: "UNKNOWN_PRODUCER_ID",
    message: "The broker no longer knows this producer: its records were removed by retention.",
    hint: "Restart the producer.",
  },
  {
    code: 90,
    name: "PRODUCER_FENCED",
    message: "A newer producer with the same transactional id replaced this one.",
    hint: "Close this producer; only the newest one may write.",
  },
  {
    code: 105,
    name: "TRANSACTIONAL_ID_NOT_FOUND",
    message: "The broker knows no transaction by this transactional id.",
    hint: "Check the id; a transactional id expires after transactional.id.expiration.ms without use.",
  },
  {
    code: 120,
    name: "TRANSACTION_ABORTABLE",
    message: "The transaction failed on the broker and must be aborted.",
    hint: "Abort the transaction and start a new one.",
  },
];
