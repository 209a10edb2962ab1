import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import type { TCluster } from "~/domain/cluster";
import { AppError } from "~/lib/app-error";
import { describeGroups } from "~/server/kafka/groups/describe-groups";
import { readTopicPartitions } from "~/server/kafka/groups/offsets-admin";
import {
  discardSpareDemoProcess,
  liveDemoProcessCount,
  prepareSpareDemoProcess,
  spawnDemoMember,
} from "~/server/kafka/playground/demo-member-process";
import { audited, refuseReadOnly, type TAuditActor } from "../audit/audited";
import { getCluster, type TRegisteredCluster } from "../clusters/registered-clusters";
import { applyExit, applyReport, newMember } from "./member-state";
import type { TPlayground, TPlaygroundList } from "~/domain/playground/playground-dto";
import {
  addPlayground,
  claimStart,
  findPlayground,
  listAllPlaygroundEntries,
  listPlaygroundEntries,
  playgroundKey,
  releaseStart,
  removePlayground,
  runningMembers,
  toPlaygroundDto,
  updateMember,
  type TMemberEntry,
  type TPlaygroundEntry,
} from "./playground-registry";
import { defaultPlaygroundGroupId, demoClientId } from "~/domain/playground/demo-members";
import {
  foreignMembers,
  foreignMembersSentence,
  PLAYGROUND_LIMITS,
  playgroundLimitProblem,
  processLimitProblem,
  type TPlaygroundStart,
} from "./playground-rules";

/** A graceful leave is one LeaveGroup request; a member still running after this is killed. */
const LEAVE_DEADLINE_MS = 15_000;

type TMemberRef = { clusterId: string; groupId: string; memberNumber: number };
type TGroupRef = { clusterId: string; groupId: string };

export async function listPlaygrounds(clusterId: string, topic?: string): Promise<TPlaygroundList> {
  return {
    limits: PLAYGROUND_LIMITS,
    suggestedGroupId: topic === undefined ? null : defaultPlaygroundGroupId(topic),
    runningProcesses: liveDemoProcessCount(),
    playgrounds: listPlaygroundEntries(clusterId, topic).map(toPlaygroundDto),
  };
}

/** The running playground in this group, or NOT_FOUND with a sentence. */
export function requirePlayground(clusterId: string, groupId: string): TPlaygroundEntry {
  const entry = findPlayground(clusterId, groupId);
  if (!entry) {
    throw new AppError(
      "NOT_FOUND",
      `No playground runs in the group ${groupId}.`,
      "It may have been stopped from another tab; start a new one.",
    );
  }
  return entry;
}

function checkProcessLimit(wanted: number): void {
  const problem = processLimitProblem(liveDemoProcessCount(), wanted);
  if (problem) throw new AppError("CONFLICT", problem, "Stop a playground you no longer need, on any topic.");
}

function startMember(cluster: TRegisteredCluster, entry: TPlaygroundEntry): void {
  const number = entry.nextNumber;
  entry.nextNumber += 1;
  const clientId = demoClientId(number);
  const member: TMemberEntry = { row: newMember(number, clientId, null, Date.now()), process: null, intent: "run" };
  entry.members.push(member);
  member.process = spawnDemoMember(
    cluster,
    {
      clientId,
      groupId: entry.groupId,
      topic: entry.topic,
      sessionTimeoutMs: entry.sessionTimeoutMs,
      processingDelayMs: entry.processingDelayMs,
    },
    {
      onReport: (report) => updateMember(entry, member, (row) => applyReport(row, report)),
      onExit: (exit) => updateMember(entry, member, (row) => applyExit(row, member.intent, exit, Date.now())),
    },
  );
  updateMember(entry, member, (row) => ({ ...row, pid: member.process?.pid ?? null }));
}

/** Refuses a group where members run that the playground did not start. */
async function checkGroupIsFree(cluster: TCluster, groupId: string): Promise<void> {
  const [group] = await describeGroups(cluster, [groupId]);
  const foreign = foreignMembers(group?.members ?? []);
  if (foreign.length > 0) {
    throw new AppError(
      "CONFLICT",
      foreignMembersSentence(groupId, foreign.length),
      "The default name, tributary-playground-<topic>, is meant for the playground.",
    );
  }
}

/** Starts `memberCount` demo members in a new group on the topic; they join in the background. */
export async function startPlayground(by: TAuditActor, input: TPlaygroundStart): Promise<TPlayground> {
  const cluster = await getCluster(input.clusterId);
  const details = {
    topic: input.topic,
    members: input.memberCount,
    sessionTimeoutMs: input.sessionTimeoutMs,
    processingDelayMs: input.processingDelayMs,
  };
  return audited({ by, action: "playground.start", cluster, target: input.groupId, details }, async () => {
    const key = playgroundKey(cluster.id, input.groupId);
    if (!claimStart(key)) {
      throw new AppError(
        "CONFLICT",
        `A playground already runs in the group ${input.groupId}.`,
        "Add members to it, or stop it first.",
      );
    }
    try {
      const limit = playgroundLimitProblem(0, input.memberCount);
      if (limit) throw new AppError("BAD_INPUT", limit);
      // Throws NOT_FOUND with a sentence when the topic does not exist.
      await readTopicPartitions(cluster, input.topic);
      await checkGroupIsFree(cluster, input.groupId);
      // Counted after the awaits, right before spawning: other playgrounds may have grown meanwhile.
      checkProcessLimit(input.memberCount);
      const entry: TPlaygroundEntry = {
        clusterId: cluster.id,
        groupId: input.groupId,
        topic: input.topic,
        sessionTimeoutMs: input.sessionTimeoutMs,
        processingDelayMs: input.processingDelayMs,
        startedAt: Date.now(),
        members: [],
        nextNumber: 1,
      };
      addPlayground(entry);
      for (let i = 0; i < input.memberCount; i += 1) startMember(cluster, entry);
      prepareSpareDemoProcess();
      return toPlaygroundDto(entry);
    } finally {
      releaseStart(key);
    }
  });
}

export async function addPlaygroundMember(by: TAuditActor, ref: TGroupRef): Promise<TPlayground> {
  const cluster = await getCluster(ref.clusterId);
  refuseReadOnly(cluster);
  const entry = requirePlayground(cluster.id, ref.groupId);
  return audited({ by, action: "playground.add-member", cluster, target: ref.groupId }, async () => {
    const limit = playgroundLimitProblem(runningMembers(entry).length, 1);
    if (limit) throw new AppError("CONFLICT", limit, "Remove or kill a member before adding another.");
    checkProcessLimit(1);
    startMember(cluster, entry);
    prepareSpareDemoProcess();
    return toPlaygroundDto(entry);
  });
}

function requireRunningMember(entry: TPlaygroundEntry, memberNumber: number): TMemberEntry {
  const member = entry.members.find((candidate) => candidate.row.number === memberNumber);
  if (!member) {
    throw new AppError("NOT_FOUND", `The playground has no member ${memberNumber}.`, "Refresh the list of members.");
  }
  if (member.intent !== "run" || !member.process || member.row.endedAt !== null) {
    throw new AppError("CONFLICT", `Member ${memberNumber} is no longer running (${member.row.status}).`);
  }
  return member;
}

/** Asks the member to leave (LeaveGroup) and waits for its process to end; kills it if it hangs. */
async function leaveGracefully(entry: TPlaygroundEntry, member: TMemberEntry): Promise<void> {
  const child = member.process;
  if (!child) return;
  member.intent = "leave";
  updateMember(entry, member, (row) => ({ ...row, status: "leaving" }));
  child.leave();
  const deadline = new AbortController();
  const gaveUp = await Promise.race([
    child.exited.then(() => false),
    delay(LEAVE_DEADLINE_MS, true, { signal: deadline.signal }).catch(() => false),
  ]);
  deadline.abort();
  if (gaveUp) {
    child.kill();
    await child.exited;
  }
}

/** Removes a member gracefully: it leaves the group at once, and the group rebalances without it. */
export async function removePlaygroundMember(by: TAuditActor, ref: TMemberRef): Promise<TPlayground> {
  const cluster = await getCluster(ref.clusterId);
  refuseReadOnly(cluster);
  const entry = requirePlayground(cluster.id, ref.groupId);
  const details = { member: ref.memberNumber };
  return audited({ by, action: "playground.remove-member", cluster, target: ref.groupId, details }, async () => {
    await leaveGracefully(entry, requireRunningMember(entry, ref.memberNumber));
    return toPlaygroundDto(entry);
  });
}

/** Kills a member's process: no LeaveGroup, so the group keeps it until its session times out. */
export async function killPlaygroundMember(by: TAuditActor, ref: TMemberRef): Promise<TPlayground> {
  const cluster = await getCluster(ref.clusterId);
  refuseReadOnly(cluster);
  const entry = requirePlayground(cluster.id, ref.groupId);
  const details = { member: ref.memberNumber };
  return audited({ by, action: "playground.kill-member", cluster, target: ref.groupId, details }, async () => {
    const member = requireRunningMember(entry, ref.memberNumber);
    member.intent = "kill";
    member.process?.kill();
    await member.process?.exited;
    return toPlaygroundDto(entry);
  });
}

/** Every running member leaves gracefully; then the playground is gone and its name free again. */
export async function stopPlayground(by: TAuditActor, ref: TGroupRef): Promise<TPlayground> {
  const cluster = await getCluster(ref.clusterId);
  refuseReadOnly(cluster);
  const entry = requirePlayground(cluster.id, ref.groupId);
  return audited({ by, action: "playground.stop", cluster, target: ref.groupId }, async () => {
    await Promise.all(runningMembers(entry).map((member) => leaveGracefully(entry, member)));
    const final = toPlaygroundDto(entry);
    removePlayground(entry);
    if (listAllPlaygroundEntries().length === 0) discardSpareDemoProcess();
    return final;
  });
}
