import type kafkajs from "kafkajs";

/** A step's consumer group and the topic it reads. */
export type TStepGroup = {
  groupId: string;
  topic: string;
  /**
   * The topic is written in transactions (an exactly-once step upstream): its last entry is a
   * commit marker, which a reader may leave uncommitted-over without missing a record.
   */
  isTransactional: boolean;
};

/**
 * Whether every step has committed offsets up to the end of its input: the group's own view of
 * "nothing left to do". Together with output readers that reached the output's end, it tells a
 * test that no further record is coming, so counts can be compared (an event, not a sleep).
 */
export async function stepsCaughtUp(admin: kafkajs.Admin, steps: readonly TStepGroup[]): Promise<boolean> {
  for (const step of steps) {
    if ((await stepLag(admin, step)) > 0n) return false;
  }
  return true;
}

/** Records (plus at most one trailing marker per partition) the step's group has not committed past. */
export async function stepLag(admin: kafkajs.Admin, step: TStepGroup): Promise<bigint> {
  const [ends, [committed]] = await Promise.all([
    admin.fetchTopicOffsets(step.topic),
    admin.fetchOffsets({ groupId: step.groupId, topics: [step.topic] }),
  ]);
  const markerAllowance = step.isTransactional ? 1n : 0n;
  let lag = 0n;
  for (const end of ends) {
    const high = BigInt(end.high);
    const offset = committed?.partitions.find((entry) => entry.partition === end.partition)?.offset ?? "-1";
    const position = offset === "-1" ? BigInt(end.low) : BigInt(offset);
    const behind = high - position - markerAllowance;
    if (high > BigInt(end.low) && behind > 0n) lag += behind;
  }
  return lag;
}
