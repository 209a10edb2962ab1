import { Badge } from "~/components/ui/badge";
import { formatRetentionMs } from "~/domain/topics/durations";
import { formatRetentionBytes } from "~/domain/topics/sizes";
import type { TTopicSummary } from "~/domain/topics/topic-dto";
import { formatCount } from "~/lib/format";
import { formatRate } from "../throughput/format-rate";
import { TopicNameLink } from "./topic-name-link";

const INT64_FORMAT = new Intl.NumberFormat("en-US");

const CELL = "px-3 py-2.5 first:pl-5 last:pr-5";
const NUMBER_CELL = `${CELL} text-right tabular-nums`;

/** Null means the server did not fetch the value (e.g. the partition had no leader to ask). */
function Unknown() {
  return (
    <span className="text-muted" title="Not known: Kafka did not answer for this topic">
      —
    </span>
  );
}

type TopicRowProps = { clusterId: string; topic: TTopicSummary; rate: number | undefined };

export function TopicRow({ clusterId, topic, rate }: TopicRowProps) {
  return (
    <tr className="border-line hover:bg-surface-raised/50 border-t" data-testid="topic-row" data-topic={topic.name}>
      <th scope="row" className={`${CELL} max-w-3xs text-left font-normal 2xl:max-w-md`}>
        <TopicNameLink clusterId={clusterId} topic={topic} />
      </th>
      <td className={NUMBER_CELL} data-column="partitions">
        {formatCount(topic.partitionCount)}
      </td>
      <td className={NUMBER_CELL} data-column="replicationFactor">
        {topic.replicationFactor}
      </td>
      <td className={NUMBER_CELL} data-column="retentionMs">
        {topic.retentionMs === null ? <Unknown /> : formatRetentionMs(topic.retentionMs)}
      </td>
      <td className={NUMBER_CELL} data-column="retentionBytes">
        {topic.retentionBytes === null ? <Unknown /> : formatRetentionBytes(topic.retentionBytes)}
      </td>
      <td className={CELL} data-column="cleanupPolicy">
        {topic.cleanupPolicy === null ? <Unknown /> : topic.cleanupPolicy.replace(",", ", ")}
      </td>
      <td className={NUMBER_CELL} data-column="messages">
        <MessageCount topic={topic} />
      </td>
      <td className={NUMBER_CELL} data-column="underReplicated">
        <ReplicationState topic={topic} />
      </td>
      <td className={NUMBER_CELL} data-column="produceRate">
        {rate === undefined ? (
          <span className="text-muted" title="Not measured yet: rates need two samples, 5 s apart">
            —
          </span>
        ) : (
          formatRate(rate)
        )}
      </td>
    </tr>
  );
}

function MessageCount({ topic }: { topic: TTopicSummary }) {
  if (topic.messageCount === null) return <Unknown />;
  // Offsets are int64: format the bigint, never a rounded number.
  const count = INT64_FORMAT.format(BigInt(topic.messageCount));
  if (!topic.cleanupPolicy?.includes("compact")) return <>{count}</>;
  return (
    <span title="An estimate: compaction removes superseded records, but offsets keep counting, so a compacted topic holds fewer records than its offsets span.">
      <span aria-hidden>≈ </span>
      {count}
      <span className="sr-only"> (estimate)</span>
    </span>
  );
}

function ReplicationState({ topic }: { topic: TTopicSummary }) {
  if (topic.offlinePartitions > 0) {
    return <Badge tone="danger">{formatCount(topic.offlinePartitions)} offline</Badge>;
  }
  if (topic.underReplicatedPartitions > 0) {
    return (
      <span title="Partitions whose in-sync replicas (ISR) are fewer than their replicas">
        <Badge tone="warn">{formatCount(topic.underReplicatedPartitions)} under-replicated</Badge>
      </span>
    );
  }
  return <span className="text-muted">no</span>;
}
