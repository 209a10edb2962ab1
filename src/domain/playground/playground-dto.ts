/** What the playground API returns: demo members run by the server, their state and the limits. */

/**
 * starting: the process runs and is joining; joined: it is in the group with an assignment;
 * leaving: it was asked to leave (LeaveGroup) and has not exited yet; left: it left gracefully;
 * killed: its process was SIGKILLed, so Kafka keeps it in the group until its session times out;
 * crashed: its process ended without being asked to (the problem says why).
 */
export type TPlaygroundMemberStatus = "starting" | "joined" | "leaving" | "left" | "killed" | "crashed";

export type TPlaygroundMember = {
  /** 1, 2, 3… in the order they were started; never reused within a playground. */
  number: number;
  /** `tributary-demo-<number>`: the group page labels members with this prefix as demo members. */
  clientId: string;
  pid: number | null;
  /** Kafka's member id, once the member has joined. */
  memberId: string | null;
  status: TPlaygroundMemberStatus;
  /** The partitions it was assigned in its latest join; empty while idle or gone. */
  assignment: { topic: string; partitions: number[] }[];
  /** The group generation of its latest join, as its first heartbeat after that join reported it. */
  generationId: number | null;
  startedAt: number;
  /** When it left, was killed or crashed; null while it runs. */
  endedAt: number | null;
  /** Why it crashed, as a sentence; null otherwise. */
  problem: string | null;
};

export type TPlayground = {
  clusterId: string;
  groupId: string;
  topic: string;
  sessionTimeoutMs: number;
  processingDelayMs: number;
  startedAt: number;
  /** The newest generation any running member has reported; null until one has. */
  generationId: number | null;
  /** Running members first by number, then the most recent of those that ended. */
  members: TPlaygroundMember[];
};

/** The rules the start form follows, from the server, so the browser never keeps a second copy. */
export type TPlaygroundLimits = {
  maxMembersPerPlayground: number;
  maxProcesses: number;
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
  defaultSessionTimeoutMs: number;
  maxProcessingDelayMs: number;
  defaultMemberCount: number;
  /** Prefix of every demo member's client id. */
  clientIdPrefix: string;
};

export type TPlaygroundList = {
  limits: TPlaygroundLimits;
  /** `tributary-playground-<topic>` when the list is for one topic. */
  suggestedGroupId: string | null;
  /** Demo member processes running on this server now, across all playgrounds. */
  runningProcesses: number;
  playgrounds: TPlayground[];
};

/** What `playground.watch` pushes on every change: the playground, or that none runs in the group. */
export type TPlaygroundWatch =
  { status: "running"; playground: TPlayground } | { status: "stopped"; clusterId: string; groupId: string };
