import { HOT_PARTITION_FACTOR, type KeyDistribution } from "~/domain/partitioner/key-distribution";
import { Banner } from "~/components/ui/banner";
import { formatCount } from "~/lib/format";
import { SampledKey } from "./sampled-key";

/** Which partitions are hot and why — or why the sample cannot tell. */
export function HotPartitionsNote({ distribution }: { distribution: KeyDistribution }) {
  const mean = distribution.meanMessagesPerPartition;
  if (!distribution.canJudgeHotPartitions) {
    return (
      <p className="text-muted text-sm" data-testid="hot-partitions-note">
        Too few messages per partition in this sample to call any partition hot.
      </p>
    );
  }
  const hot = distribution.partitions.filter((stats) => stats.isHot);
  if (hot.length === 0) {
    return (
      <p className="text-muted text-sm" data-testid="hot-partitions-note">
        No hot partition: none holds more than {HOT_PARTITION_FACTOR}× the mean of {formatCount(Math.round(mean))}{" "}
        sampled messages.
      </p>
    );
  }
  return (
    <Banner
      tone="warn"
      title={`${hot.length === 1 ? "Partition" : "Partitions"} ${hot.map((stats) => stats.partition).join(", ")} ${hot.length === 1 ? "is" : "are"} hot`}
    >
      <ul className="space-y-1" data-testid="hot-partitions-note">
        {hot.map((stats) => (
          <li key={stats.partition}>
            Partition {stats.partition} holds {formatCount(stats.messages)} of the{" "}
            {formatCount(distribution.sampledMessages)} sampled messages, {(stats.messages / mean).toFixed(1)}× the mean
            {stats.topKey ? (
              <>
                ; its top key <SampledKey value={stats.topKey.key} /> alone has {formatCount(stats.topKey.messages)}.
              </>
            ) : (
              "."
            )}{" "}
            Its consumer does more work than the others and lags first.
          </li>
        ))}
      </ul>
    </Banner>
  );
}
