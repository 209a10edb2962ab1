"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "~/components/ui/button";
import type { TBrowseCursor, TBrowseOrder, TBrowsePage } from "~/domain/messages/browse-query";
import { pluralize } from "~/lib/format";

type BrowsePagerProps = {
  page: TBrowsePage;
  order: TBrowseOrder;
  onPage: (cursor: TBrowseCursor) => void;
  disabled: boolean;
};

/** Previous/next page; which side is "older" follows the order the page is shown in. */
export function BrowsePager({ page, order, onPage, disabled }: BrowsePagerProps) {
  const [previous, next] = order === "oldest-first" ? [page.older, page.newer] : [page.newer, page.older];
  const first = page.messages[0];
  const last = page.messages.at(-1);
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-muted text-sm" aria-live="polite">
        {first && last
          ? `${pluralize(page.messages.length, "message")}, ${order === "oldest-first" ? "oldest" : "newest"} first`
          : "No messages on this page"}
      </p>
      <div className="flex gap-2">
        <Button onClick={() => previous && onPage(previous)} disabled={disabled || !previous}>
          <ChevronLeft aria-hidden className="size-4" />
          Previous page
        </Button>
        <Button onClick={() => next && onPage(next)} disabled={disabled || !next}>
          Next page
          <ChevronRight aria-hidden className="size-4" />
        </Button>
      </div>
    </nav>
  );
}
