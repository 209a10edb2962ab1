/**
 * Demo members are the playground's kafkajs consumers, run by the Tributary server. Their client id
 * starts with this prefix, which is how the group page tells them apart from real consumers.
 */
export const DEMO_CLIENT_ID_PREFIX = "tributary-demo-";

export function demoClientId(memberNumber: number): string {
  return `${DEMO_CLIENT_ID_PREFIX}${memberNumber}`;
}

/** `tributary-playground-<topic>`, cut to Kafka's 255-character limit on names. */
export function defaultPlaygroundGroupId(topic: string): string {
  return `tributary-playground-${topic}`.slice(0, 255);
}

export function isDemoClientId(clientId: string): boolean {
  return clientId.startsWith(DEMO_CLIENT_ID_PREFIX);
}

const WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/**
 * The seeds' warning, before anything starts: a partition is read by at most one member of a
 * group, so members beyond the partition count sit idle. Null when every member gets a partition.
 */
export function idleMembersNote(partitionCount: number, memberCount: number): string | null {
  if (!Number.isInteger(memberCount) || memberCount <= partitionCount) return null;
  const idle = memberCount - partitionCount;
  const partitions = `${partitionCount} partition${partitionCount === 1 ? "" : "s"}`;
  const sits = idle === 1 ? "one sits" : `${WORDS[idle] ?? idle} sit`;
  return `This topic has ${partitions}: with ${memberCount} members, ${sits} idle.`;
}

/** "10 s", "6.5 s": session timeouts are chosen in seconds. */
export function secondsText(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
