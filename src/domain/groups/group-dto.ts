/**
 * How a group coordinates. "classic": the JoinGroup/SyncGroup protocol that kafkajs and older Java
 * clients speak. "consumer": the new consumer protocol (KIP-848, Kafka 4) — the classic
 * DescribeGroups answers "Dead" with no members for such a group, so it is described with
 * ConsumerGroupDescribe (sent by hand; kafkajs 2.2.4 does not know it). "share": a share group
 * (KIP-932, queues: members share partitions and acknowledge records one by one). "streams": a
 * Kafka Streams application on the streams rebalance protocol (KIP-1071). Kafka 4's ListGroups v5
 * names the type; share and streams groups are shown with their state, not described further.
 */
export type TGroupType = "classic" | "consumer" | "share" | "streams";

/** What Tributary cannot show yet about a share or streams group, as a sentence. */
export const OTHER_GROUP_TYPE_LIMITATION: Record<"share" | "streams", string> = {
  share:
    "This is a share group (KIP-932): its members share the partitions and acknowledge records one by one, so it has no committed offsets or assignment like a consumer group. Tributary shows its state; its members and delivery state are not shown yet.",
  streams:
    "This is a Kafka Streams group on the streams rebalance protocol (KIP-1071). Tributary shows its state and committed offsets; its members and tasks are not shown yet.",
};

/** One partition a group has committed to or is assigned, with its lag. Offsets are int64 strings. */
export type TGroupPartitionLag = {
  topic: string;
  partition: number;
  /** null: the group has not committed an offset for this partition yet. */
  committedOffset: string | null;
  /** The high watermark; null when the partition's leader could not be asked. */
  logEndOffset: string | null;
  /** logEnd − committed, never negative; null when either is unknown. */
  lag: string | null;
  /** now − timestamp of the record at the committed offset; null when caught up or unknown. */
  timeLagMs: number | null;
  /** Member id assigned this partition, null when none is (or it cannot be known). */
  memberId: string | null;
};

export type TGroupMember = {
  memberId: string;
  clientId: string;
  host: string;
  /** Partitions assigned to this member, by topic; empty for an idle member. */
  assignment: { topic: string; partitions: number[] }[];
};

export type TGroupSummary = {
  groupId: string;
  type: TGroupType;
  /**
   * Kafka's group state. Classic: Stable, PreparingRebalance, CompletingRebalance, Empty, Dead.
   * KIP-848: Stable, Assigning, Reconciling, Empty; "Unknown" when the broker could not describe it.
   */
  state: string;
  /** "consumer" for consumer groups; "connect" for Kafka Connect workers, etc. */
  protocolType: string;
  /** The assignor the members agreed on ("range", "roundrobin"…); empty when no member is in. */
  protocol: string;
  /** null when the members cannot be seen (a KIP-848 group on a broker without ConsumerGroupDescribe). */
  memberCount: number | null;
  topics: string[];
  /** Sum of the lag over the committed partitions; null when no partition's lag is known. */
  totalLag: string | null;
  /** now − timestamp of the oldest unconsumed record; null when caught up or unknown. */
  timeLagMs: number | null;
};

export type TGroupDetail = TGroupSummary & {
  /**
   * The generation (classic) or group epoch (KIP-848). DescribeGroups does not report it; it is
   * read from the coordinator's records in __consumer_offsets. null when that cannot be read.
   */
  generationId: number | null;
  members: TGroupMember[];
  partitions: TGroupPartitionLag[];
  /** Every partition of the topics the group reads, for the assignment grid (unassigned ones too). */
  topicPartitions: { topic: string; partition: number }[];
  /** What this client cannot show about the group, as a sentence; null when nothing is hidden. */
  limitation: string | null;
  observedAt: number;
};

export const KIP_848_LIMITATION =
  "This group uses Kafka 4's new consumer protocol (KIP-848), and this broker did not answer ConsumerGroupDescribe, the request that lists such a group's members. Its committed offsets and lag are shown; its members and their assignment cannot be (the classic DescribeGroups reports such a group as Dead with no members even while it consumes).";

/** What `groups.watch` pushes: the group, or why it cannot be shown right now (the watch keeps trying). */
export type TGroupWatch =
  | { status: "ok"; group: TGroupDetail }
  | { status: "error"; observedAt: number; message: string; hint: string | null; isMissing: boolean };
