import "server-only";
import { pageBoundaries } from "~/domain/messages/browse-merge";
import type { TBrowseCursor, TBrowsePage, TBrowseQuery } from "~/domain/messages/browse-query";
import type { TMessage } from "~/domain/messages/message";
import { withMetadata } from "~/server/kafka/client-registry";
import { readBrowseLanes } from "~/server/kafka/messages/browse-lanes";
import { offsetsForTimestamp, readPartitionStates } from "~/server/kafka/messages/partition-states";
import { recordRead, type TAuditActor } from "~/server/services/audit/audited";
import { getCluster } from "~/server/services/clusters/registered-clusters";
import { choosePartitions, pageBounds } from "./browse-bounds";
import { lookupTopicSchema } from "./schemas/topic-schema";
import { toMessage } from "./to-message";

/**
 * One page of a topic's messages, read without a consumer group (plain Fetch requests to the
 * leaders), with cursors to the pages on either side. See browse-merge.ts for how partitions merge.
 */
export async function browseMessages(by: TAuditActor, query: TBrowseQuery): Promise<TBrowsePage> {
  const cluster = await getCluster(query.clusterId);
  const schema = await lookupTopicSchema(cluster.id, query.topic);
  const page = await withMetadata(cluster, async (internal) => {
    const states = await readPartitionStates(internal, query.topic);
    const { readable, notes } = choosePartitions(query.topic, states, query.partition);
    const byTimestamp =
      !query.cursor && query.start.kind === "timestamp"
        ? await offsetsForTimestamp(internal, query.topic, readable, query.start.timestamp)
        : null;
    const { direction, bounds, notes: boundNotes } = pageBounds(query, readable, byTimestamp);
    const specs = readable.map((state) => ({ ...state, bound: bounds.get(state.partition)! }));
    const taken = await readBrowseLanes(internal, query.topic, specs, direction, query.limit);

    const far = pageBoundaries(bounds, taken, direction);
    const lowOf = new Map(readable.map((state) => [state.partition, state.low]));
    const highOf = new Map(readable.map((state) => [state.partition, state.high]));
    // Past the high watermark read at the start, records that arrived meanwhile are in the page.
    for (const record of taken) {
      if (record.offset >= highOf.get(record.partition)!) highOf.set(record.partition, record.offset + 1n);
    }
    const [olderBounds, newerBounds] = direction === "after" ? [bounds, far] : [far, bounds];
    const hasOlder = [...olderBounds].some(([partition, offset]) => offset > lowOf.get(partition)!);
    const hasNewer = [...newerBounds].some(([partition, offset]) => offset < highOf.get(partition)!);

    const messages: TMessage[] = taken.map((record) => toMessage(record, undefined, schema.codec));
    // Reading backward yields newest first; the page shows the order asked for.
    if ((direction === "before") !== (query.order === "newest-first")) messages.reverse();
    return {
      messages,
      older: hasOlder ? toCursor("before", olderBounds) : null,
      newer: hasNewer ? toCursor("after", newerBounds) : null,
      watermarks: states
        .filter((state) => query.partition === "all" || state.partition === query.partition)
        .map((state) => ({
          partition: state.partition,
          low: state.low.toString(),
          high: state.high.toString(),
          isOffline: state.leader === null,
        })),
      notes: [...notes, ...boundNotes, ...(schema.note ? [schema.note] : [])],
    };
  });
  await recordRead({
    by,
    action: "messages.browse",
    clusterId: cluster.id,
    target: query.topic,
    details: {
      partition: query.partition,
      start: query.start,
      order: query.order,
      limit: query.limit,
      cursor: query.cursor ?? null,
      count: page.messages.length,
    },
  });
  return page;
}

function toCursor(direction: TBrowseCursor["direction"], bounds: ReadonlyMap<number, bigint>): TBrowseCursor {
  return {
    direction,
    offsets: [...bounds]
      .sort(([a], [b]) => a - b)
      .map(([partition, offset]) => ({ partition, offset: offset.toString() })),
  };
}
