"use client";

import { RefreshCw } from "lucide-react";
import { Button } from "~/components/ui/button";
import { Select } from "~/components/ui/input";
import { BROWSE_LIMITS, naturalOrder, type TBrowseOrder, type TBrowseUrlState } from "~/domain/messages/browse-query";
import { ExportButtons } from "../export/export-buttons";
import { DecoderSelect } from "../view/decoder-select";
import { StartFields } from "./start-fields";

type BrowseToolbarProps = {
  clusterId: string;
  topic: string;
  partitions: readonly number[];
  state: TBrowseUrlState;
  /** Applies a change; the view drops the page cursor, since the position changed. */
  onChange: (changes: Partial<TBrowseUrlState>) => void;
  onRefresh: () => void;
  isRefreshing: boolean;
};

/** Partition, start, order, page size and decoder of the browse view; everything lands in the URL. */
export function BrowseToolbar({
  clusterId,
  topic,
  partitions,
  state,
  onChange,
  onRefresh,
  isRefreshing,
}: BrowseToolbarProps) {
  const limits = BROWSE_LIMITS.includes(state.limit as (typeof BROWSE_LIMITS)[number])
    ? BROWSE_LIMITS
    : [...BROWSE_LIMITS, state.limit].sort((a, b) => a - b);
  return (
    <div className="flex flex-wrap items-end gap-3" role="toolbar" aria-label="Browse options">
      <div className="space-y-1">
        <label htmlFor="browse-partition" className="block text-sm font-medium">
          Partition
        </label>
        <Select
          id="browse-partition"
          className="w-40"
          value={String(state.partition)}
          onChange={(event) =>
            onChange({ partition: event.target.value === "all" ? "all" : Number(event.target.value) })
          }
        >
          <option value="all">All partitions</option>
          {partitions.map((partition) => (
            <option key={partition} value={partition}>
              Partition {partition}
            </option>
          ))}
        </Select>
      </div>
      <StartFields
        key={JSON.stringify(state.start)}
        start={state.start}
        onChange={(start) => onChange({ start, order: naturalOrder(start) })}
      />
      <div className="space-y-1">
        <label htmlFor="browse-order" className="block text-sm font-medium">
          Order
        </label>
        <Select
          id="browse-order"
          className="w-36"
          value={state.order}
          onChange={(event) => onChange({ order: event.target.value as TBrowseOrder })}
        >
          <option value="oldest-first">Oldest first</option>
          <option value="newest-first">Newest first</option>
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor="browse-limit" className="block text-sm font-medium">
          Page size
        </label>
        <Select
          id="browse-limit"
          className="w-24"
          value={String(state.limit)}
          onChange={(event) => onChange({ limit: Number(event.target.value) })}
        >
          {limits.map((limit) => (
            <option key={limit} value={limit}>
              {limit}
            </option>
          ))}
        </Select>
      </div>
      <DecoderSelect clusterId={clusterId} topic={topic} />
      <Button onClick={onRefresh} disabled={isRefreshing} aria-label="Refresh this page">
        <RefreshCw aria-hidden className={isRefreshing ? "size-4 animate-spin" : "size-4"} />
        Refresh
      </Button>
      <ExportButtons clusterId={clusterId} topic={topic} />
    </div>
  );
}
