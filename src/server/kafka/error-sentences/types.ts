/**
 * One Kafka protocol error code as the user reads it. `name` is Kafka's own (Errors.java);
 * `aliases` are the older names kafkajs 2.2.4 gives the same code (its errors carry those as `type`).
 */
export type TKafkaErrorSentence = {
  code: number;
  name: string;
  aliases?: readonly string[];
  /** What failed, as a sentence. */
  message: string;
  /** What to do about it. */
  hint: string;
};
