import type { ClusterTarget } from "../client-registry";

/**
 * The Kafka side of one step instance: a member of the step's consumer group that hands each batch
 * of an input partition to the runner's processor and writes what it returns. Kafka does the rest:
 * the group protocol assigns partitions, acks and commits give at-least-once, transactions give
 * exactly-once. No kafkajs type leaves this folder.
 */

/** A record as read from the input topic: raw bytes, decoded by the runner. */
export type TInRecord = {
  partition: number;
  offset: string;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
};

/** A record to write: to an output topic, the dead-letter topic, or the step's changelog topic. */
export type TOutRecord = {
  topic: string;
  /** Set for changelog records (the input partition); else Kafka's partitioner places it by key. */
  partition?: number;
  key: string | null;
  /** null: a tombstone (a changelog delete). */
  value: string | Buffer | null;
  headers: Record<string, string>;
};

/** What the runner keeps for one assigned input partition (its built step and state). */
export type TPartitionProcessor = {
  /**
   * One batch of this partition, in offset order. Returns every record to write for it (outputs,
   * dead letters, changelog entries). The member writes them, then commits the offset after the
   * last record: after the acks (at-least-once) or in the same transaction (exactly-once). A throw
   * is a failure of the member (not of a record: those are dead-lettered by the processor).
   */
  process(records: readonly TInRecord[]): Promise<TOutRecord[]>;
  /** The partition was revoked or the member stops: drop what it holds. */
  close(): void;
};

export type TStepMemberCounts = { consumed: number; produced: number };

export type TStepMemberOptions = {
  cluster: ClusterTarget;
  /** `tributary.<slug>.<nodeId>` */
  groupId: string;
  /** Shown in the group's member list, e.g. `tributary-runner <host>:<pid> #<instance>`. */
  clientId: string;
  inputTopic: string;
  /** Where a group without a committed offset starts. */
  startFrom: "earliest" | "latest";
  /** exactly-once: one transactional producer per assigned input partition (ids from transactionalIdFor). */
  exactlyOnce: boolean;
  transactionalIdFor: (partition: number) => string;
  /** Called when the member is given a partition, before its first batch (the runner restores state here). */
  openPartition: (partition: number) => Promise<TPartitionProcessor>;
  /** Called after every rebalance with the partitions held now and Kafka's member id. */
  onAssignment?: (partitions: number[], memberId: string) => void;
  /** The member failed and stopped (broker gone too long, fenced, a processor throw): a sentence. */
  onFailure?: (sentence: string) => void;
};

export type TStepMember = {
  /** Leaves the group (after the batch in flight is written and committed). */
  stop(): Promise<void>;
  counts(): TStepMemberCounts;
  partitions(): number[];
  memberId(): string | null;
};

/** A changelog entry read back at restore: the last value per key wins (null: deleted). */
export type TChangelogEntry = { key: string; value: string | null };
