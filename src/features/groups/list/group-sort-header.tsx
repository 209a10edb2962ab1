import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { TGroupSortColumn } from "~/domain/groups/group-list-query";
import { cn } from "~/lib/cn";

type GroupSortHeaderProps = {
  column: TGroupSortColumn;
  label: string;
  sort: TGroupSortColumn;
  direction: "asc" | "desc";
  onSort: (column: TGroupSortColumn, direction: "asc" | "desc") => void;
  numeric?: boolean;
};

/** A column header that sorts by its column; numbers start largest first, a second press reverses. */
export function GroupSortHeader({ column, label, sort, direction, onSort, numeric = false }: GroupSortHeaderProps) {
  const isActive = sort === column;
  const next = isActive ? (direction === "asc" ? "desc" : "asc") : numeric ? "desc" : "asc";
  const Icon = !isActive ? ArrowUpDown : direction === "asc" ? ArrowUp : ArrowDown;
  return (
    <th
      scope="col"
      aria-sort={isActive ? (direction === "asc" ? "ascending" : "descending") : "none"}
      className={cn("px-3 py-2 font-medium first:pl-5 last:pr-5", numeric && "text-right")}
    >
      <button
        type="button"
        onClick={() => onSort(column, next)}
        className={cn(
          "hover:text-ink flex items-center gap-1 rounded whitespace-nowrap uppercase",
          isActive && "text-ink",
          numeric && "ml-auto flex-row-reverse",
        )}
      >
        {label}
        <Icon aria-hidden className={cn("size-3.5", !isActive && "opacity-40")} />
      </button>
    </th>
  );
}
