import type { TLagRange } from "./lag-range";

/**
 * One partition of a stored lag sample (the `partitions` JSON column). Offsets are int64 strings;
 * `logEnd` and `lag` are null when the partition's leader could not be asked.
 */
export type TLagPartitionEntry = {
  topic: string;
  partition: number;
  committed: string;
  logEnd: string | null;
  lag: string | null;
};

/** What the sampler stores for one group at one moment. */
export type TLagSample = {
  groupId: string;
  sampledAt: number;
  /** Sum of the known partition lags, in messages (int64 string). */
  totalLag: string;
  /** Age of the oldest unconsumed record; null when caught up or unknown. */
  timeLagMs: number | null;
  partitions: TLagPartitionEntry[];
};

/** One point of the group's series: the largest lag seen in its bucket (peaks matter). */
export type TLagPoint = {
  /** Time of the newest sample in the bucket, epoch ms. */
  at: number;
  totalLag: string;
  timeLagMs: number | null;
};

export type TPartitionLagSeries = {
  topic: string;
  partition: number;
  points: { at: number; lag: string }[];
};

/** A stored rebalance, drawn as a vertical marker on the lag charts. */
export type TLagRebalanceMarker = {
  id: string;
  /** When the watcher saw the rebalance start, epoch ms. */
  at: number;
  /** null while the group is still rebalancing. */
  completedAt: number | null;
  generation: number | null;
  movedCount: number;
  /** Client ids of the members that joined and left. */
  joined: string[];
  left: string[];
};

/** `groups.history.lag`: a group's lag over one range, downsampled, with its rebalances. */
export type TLagHistory = {
  range: TLagRange;
  /** How often the server samples (LAG_SAMPLE_SECONDS). */
  sampleIntervalMs: number;
  /** Width of one point; equal to the sample interval when the range is short. */
  bucketMs: number;
  from: number;
  to: number;
  points: TLagPoint[];
  /**
   * The newest stored sample, in the window or not: "now" for the page's headline. Not the last
   * point, which is the largest lag of its bucket (up to half an hour wide on the 7-day range).
   */
  latest: TLagPoint | null;
  /** Topics the group has lag history for in the window. */
  topics: string[];
  /** The topic `partitions` belong to: the asked one, else the first; null without history. */
  topic: string | null;
  /** Partitions of that topic with history; more than `partitions` holds when capped. */
  partitionCount: number;
  /** One series per partition of `topic`, at most 12 (those with the largest peak lag), by partition. */
  partitions: TPartitionLagSeries[];
  /** Oldest first. */
  rebalances: TLagRebalanceMarker[];
};
