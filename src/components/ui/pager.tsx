import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "~/components/ui/button";
import { Select } from "~/components/ui/input";
import { formatCount } from "~/lib/format";

type PagerProps<TPageSize extends number> = {
  /** Names the navigation for screen readers, e.g. "Topic pages". */
  label: string;
  pageSizes: readonly TPageSize[];
  page: number;
  pageSize: TPageSize;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: TPageSize) => void;
};

/** "1–50 of 312", the page size, and previous / next — under any paged list. */
export function Pager<TPageSize extends number>({
  label,
  pageSizes,
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
}: PagerProps<TPageSize>) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-end gap-3 px-5 py-3 text-sm">
      <label className="text-muted flex items-center gap-2">
        Rows per page
        <Select
          value={pageSize}
          onChange={(event) => onPageSizeChange(Number(event.target.value) as TPageSize)}
          className="h-8 w-auto"
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </Select>
      </label>
      <span aria-live="polite" className="tabular-nums" data-testid="page-range">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)}
      </span>
      <div className="flex gap-1">
        <Button
          variant="ghost"
          aria-label="Previous page"
          disabled={page <= 1}
          onClick={() => onPageChange(page - 1)}
          className="px-2"
        >
          <ChevronLeft aria-hidden className="size-4" />
        </Button>
        <Button
          variant="ghost"
          aria-label="Next page"
          disabled={page >= lastPage}
          onClick={() => onPageChange(page + 1)}
          className="px-2"
        >
          <ChevronRight aria-hidden className="size-4" />
        </Button>
      </div>
    </nav>
  );
}
