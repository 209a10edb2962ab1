import type { TTopicSummary } from "~/domain/topics/topic-dto";
import type { TTopicSortColumn } from "~/domain/topics/topic-list-query";
import { TopicRow } from "./topic-row";
import { SortHeaderCell } from "./sort-header-cell";

type TopicTableProps = {
  clusterId: string;
  topics: TTopicSummary[];
  /** Mean produce rate over the last minute by topic name; absent until the sampler has two samples. */
  rates: Record<string, number> | undefined;
  sort: TTopicSortColumn;
  direction: "asc" | "desc";
  onSort: (column: TTopicSortColumn, direction: "asc" | "desc") => void;
};

type TColumn = { column: TTopicSortColumn; label: string; numeric?: boolean };

const COLUMNS: readonly TColumn[] = [
  { column: "name", label: "Name" },
  { column: "partitions", label: "Partitions", numeric: true },
  { column: "replicationFactor", label: "Replication", numeric: true },
  { column: "retentionMs", label: "Retention time", numeric: true },
  { column: "retentionBytes", label: "Retention size", numeric: true },
  { column: "cleanupPolicy", label: "Cleanup" },
  { column: "messages", label: "Messages", numeric: true },
  { column: "underReplicated", label: "Under-replicated", numeric: true },
];

export function TopicTable({ clusterId, topics, rates, sort, direction, onSort }: TopicTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-muted text-left text-xs">
          <tr>
            {COLUMNS.map(({ column, label, numeric }) => (
              <SortHeaderCell
                key={column}
                column={column}
                label={label}
                sort={sort}
                direction={direction}
                onSort={onSort}
                align={numeric ? "right" : "left"}
                firstDirection={numeric ? "desc" : "asc"}
              />
            ))}
            <th
              scope="col"
              className="px-3 py-2 text-right font-medium text-balance last:pr-5"
              title="Messages per second, averaged over the last minute"
            >
              Produce rate (1 min)
            </th>
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => (
            <TopicRow key={topic.name} clusterId={clusterId} topic={topic} rate={rates?.[topic.name]} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
