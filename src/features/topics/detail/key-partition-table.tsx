import type { PartitionKeyStats } from "~/domain/partitioner/key-distribution";
import { Badge } from "~/components/ui/badge";
import { cn } from "~/lib/cn";
import { formatCount } from "~/lib/format";
import { SampledKey } from "./sampled-key";
import type { TKeyCount } from "./top-keys";

type KeyPartitionTableProps = { partitions: PartitionKeyStats[]; topKeys: Map<number, TKeyCount[]> };

/** Per partition: sampled messages, distinct keys, and the keys that make up most of them. */
export function KeyPartitionTable({ partitions, topKeys }: KeyPartitionTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-muted text-left text-xs uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Partition
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Messages
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Distinct keys
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              No key
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Top keys
            </th>
          </tr>
        </thead>
        <tbody>
          {partitions.map((stats) => (
            <tr
              key={stats.partition}
              className={cn("border-line border-t", stats.isHot && "bg-warn-soft")}
              data-testid="key-partition-row"
              data-partition={stats.partition}
            >
              <td className="px-4 py-2.5 font-mono tabular-nums">
                {stats.partition} {stats.isHot ? <Badge tone="warn">hot</Badge> : null}
              </td>
              <td className="px-4 py-2.5 text-right font-mono tabular-nums" data-testid="key-partition-messages">
                {formatCount(stats.messages)}
              </td>
              <td className="px-4 py-2.5 text-right font-mono tabular-nums" data-testid="key-partition-keys">
                {formatCount(stats.distinctKeys)}
              </td>
              <td className="px-4 py-2.5 text-right font-mono tabular-nums">{formatCount(stats.nullKeyMessages)}</td>
              <td className="px-4 py-2.5">
                <ul className="flex flex-wrap gap-x-4 gap-y-1">
                  {(topKeys.get(stats.partition) ?? []).map(({ key, messages }) => (
                    <li key={key} className="flex items-baseline gap-1.5">
                      <SampledKey value={key} />
                      <span className="text-muted text-xs tabular-nums">×{formatCount(messages)}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
