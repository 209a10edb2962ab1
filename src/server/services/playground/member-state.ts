import "server-only";
import type { TPlaygroundMember, TPlaygroundMemberStatus } from "~/domain/playground/playground-dto";

/**
 * How a demo member's row changes with what its process reports and how the process ends. Pure,
 * so every transition is unit-tested without a process.
 */

/** What a member's process reported (a subset of the IPC protocol, without kafkajs types). */
export type TMemberReport =
  | { type: "ready" }
  | { type: "joined"; memberId: string; assignment: { topic: string; partitions: number[] }[] }
  | { type: "generation"; generationId: number }
  | { type: "crashed"; message: string }
  | { type: "left" };

/** What the server asked of the process before it ended. */
export type TMemberIntent = "run" | "leave" | "kill";

const RUNNING: readonly TPlaygroundMemberStatus[] = ["starting", "joined", "leaving"];

export function isRunning(member: Pick<TPlaygroundMember, "status">): boolean {
  return RUNNING.includes(member.status);
}

export function newMember(number: number, clientId: string, pid: number | null, now: number): TPlaygroundMember {
  return {
    number,
    clientId,
    pid,
    memberId: null,
    status: "starting",
    assignment: [],
    generationId: null,
    startedAt: now,
    endedAt: null,
    problem: null,
  };
}

export function applyReport(member: TPlaygroundMember, report: TMemberReport): TPlaygroundMember {
  if (!isRunning(member)) return member;
  switch (report.type) {
    case "joined":
      return {
        ...member,
        status: member.status === "leaving" ? "leaving" : "joined",
        memberId: report.memberId,
        assignment: report.assignment,
      };
    case "generation":
      return { ...member, generationId: report.generationId };
    case "crashed":
      return { ...member, problem: report.message };
    default:
      return member;
  }
}

/** The row once the process has ended: left if it was asked to leave, killed if killed, else crashed. */
export function applyExit(
  member: TPlaygroundMember,
  intent: TMemberIntent,
  exit: { code: number | null; signal: string | null },
  now: number,
): TPlaygroundMember {
  if (!isRunning(member)) return member;
  const ended = { ...member, assignment: [], endedAt: now };
  if (intent === "kill") return { ...ended, status: "killed" };
  if (intent === "leave" && exit.code === 0) return { ...ended, status: "left" };
  const how = exit.signal ? `was ended by ${exit.signal}` : `exited with code ${exit.code ?? "unknown"}`;
  const problem =
    member.problem ??
    (intent === "leave"
      ? `It did not leave the group in time, so its process ${how === "was ended by SIGKILL" ? "was killed" : how}.`
      : `Its process ${how} without being asked to.`);
  return { ...ended, status: "crashed", problem };
}
