import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { TTopicSortColumn } from "~/domain/topics/topic-list-query";
import { cn } from "~/lib/cn";

type SortHeaderCellProps = {
  column: TTopicSortColumn;
  label: string;
  sort: TTopicSortColumn;
  direction: "asc" | "desc";
  onSort: (column: TTopicSortColumn, direction: "asc" | "desc") => void;
  align?: "left" | "right";
  /** Numbers read best largest first; names and policies A→Z. */
  firstDirection?: "asc" | "desc";
};

/** A column header that sorts by its column; a second press reverses the order. */
export function SortHeaderCell({
  column,
  label,
  sort,
  direction,
  onSort,
  align = "left",
  firstDirection = "asc",
}: SortHeaderCellProps) {
  const isActive = sort === column;
  const next = isActive ? (direction === "asc" ? "desc" : "asc") : firstDirection;
  const Icon = !isActive ? ArrowUpDown : direction === "asc" ? ArrowUp : ArrowDown;
  return (
    <th
      scope="col"
      aria-sort={isActive ? (direction === "asc" ? "ascending" : "descending") : "none"}
      className={cn("px-3 py-2 font-medium first:pl-5 last:pr-5", align === "right" && "text-right")}
    >
      <button
        type="button"
        onClick={() => onSort(column, next)}
        className={cn(
          // Labels may wrap ("Retention / time"), so nine columns fit 1280 px without scrolling.
          "hover:text-ink flex items-center gap-1 rounded text-balance uppercase",
          isActive && "text-ink",
          align === "right" && "ml-auto flex-row-reverse",
        )}
      >
        {label}
        <Icon aria-hidden className={cn("size-3.5", !isActive && "opacity-40")} />
      </button>
    </th>
  );
}
