"use client";

import type { ReactNode } from "react";
import { Checkbox } from "~/components/ui/input";
import { SearchBox } from "~/components/ui/search-box";

type TopicListToolbarProps = {
  search: string;
  includeInternal: boolean;
  onSearchChange: (search: string) => void;
  onIncludeInternalChange: (includeInternal: boolean) => void;
  actions?: ReactNode;
};

export function TopicListToolbar({
  search,
  includeInternal,
  onSearchChange,
  onIncludeInternalChange,
  actions,
}: TopicListToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <SearchBox
        search={search}
        onSearchChange={onSearchChange}
        label="Search topics by name"
        placeholder="Search topics…"
      />
      <Checkbox
        label="Show internal topics"
        checked={includeInternal}
        onChange={(event) => onIncludeInternalChange(event.target.checked)}
      />
      <div className="ml-auto flex items-center gap-2">{actions}</div>
    </div>
  );
}
