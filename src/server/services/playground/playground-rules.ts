import "server-only";
import { z } from "zod";
import { DEMO_CLIENT_ID_PREFIX } from "~/domain/playground/demo-members";
import type { TPlaygroundLimits } from "~/domain/playground/playground-dto";

/**
 * The playground's limits and input rules. Pure: unit-tested, and sent to the browser through
 * `playground.list` so the form follows the same numbers.
 */

export const PLAYGROUND_LIMITS: TPlaygroundLimits = {
  // Each member is a Node process (~50 MB); ten show every assignment story without hurting the server.
  maxMembersPerPlayground: 10,
  maxProcesses: 30,
  // Kafka's group.min.session.timeout.ms is 6 s by default: the broker refuses a shorter one.
  minSessionTimeoutMs: 6_000,
  maxSessionTimeoutMs: 60_000,
  defaultSessionTimeoutMs: 10_000,
  maxProcessingDelayMs: 1_000,
  // One more than the common three partitions, so a fresh playground shows an idle member.
  defaultMemberCount: 4,
  clientIdPrefix: DEMO_CLIENT_ID_PREFIX,
};

const L = PLAYGROUND_LIMITS;

export const ZPlaygroundRef = z.object({
  clusterId: z.string().min(1),
  groupId: z.string().min(1).max(255),
});

export const ZPlaygroundMemberRef = ZPlaygroundRef.extend({
  memberNumber: z.number().int().min(1),
});

export const ZPlaygroundStart = ZPlaygroundRef.extend({
  topic: z.string().min(1).max(249),
  groupId: z
    .string()
    .trim()
    .min(1, "Name the consumer group.")
    .max(255, "A group name can be at most 255 characters.")
    .regex(/^[a-zA-Z0-9._-]+$/, "Use only letters, digits, '.', '_' and '-' in the group name."),
  memberCount: z
    .number()
    .int("Start a whole number of members.")
    .min(1, "Start at least one member.")
    .max(L.maxMembersPerPlayground, `A playground runs at most ${L.maxMembersPerPlayground} members.`),
  sessionTimeoutMs: z
    .number()
    .int()
    .min(
      L.minSessionTimeoutMs,
      `The session timeout must be at least ${L.minSessionTimeoutMs / 1000} s (Kafka's minimum).`,
    )
    .max(L.maxSessionTimeoutMs, `The session timeout can be at most ${L.maxSessionTimeoutMs / 1000} s.`),
  processingDelayMs: z
    .number()
    .int()
    .min(0, "The processing delay cannot be negative.")
    .max(L.maxProcessingDelayMs, `The processing delay can be at most ${L.maxProcessingDelayMs} ms per message.`),
});
export type TPlaygroundStart = z.infer<typeof ZPlaygroundStart>;

/** Why `wanted` more members cannot run in a playground that runs `running`; null when they can. */
export function playgroundLimitProblem(running: number, wanted: number): string | null {
  if (running + wanted <= L.maxMembersPerPlayground) return null;
  return running === 0
    ? `A playground runs at most ${L.maxMembersPerPlayground} demo members.`
    : `A playground runs at most ${L.maxMembersPerPlayground} demo members, and this one runs ${running}.`;
}

/** Why `wanted` more demo processes cannot start on a server that runs `running`; null when they can. */
export function processLimitProblem(running: number, wanted: number): string | null {
  if (running + wanted <= L.maxProcesses) return null;
  return `This server runs ${running} demo member${running === 1 ? "" : "s"} already, and at most ${L.maxProcesses} may run at once.`;
}

/** Members of the group that Tributary's playground did not start (by their client id). */
export function foreignMembers<T extends { clientId: string }>(members: readonly T[]): T[] {
  return members.filter((member) => !member.clientId.startsWith(L.clientIdPrefix));
}

export function foreignMembersSentence(groupId: string, count: number): string {
  const members =
    count === 1 ? "1 member that Tributary did not start" : `${count} members that Tributary did not start`;
  return `The group ${groupId} has ${members}; pick another name so the playground does not disturb ${count === 1 ? "it" : "them"}.`;
}
