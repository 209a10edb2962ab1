"use client";

import { Search } from "lucide-react";
import { useEffect, useEffectEvent, useState, type ReactNode } from "react";
import { Checkbox, Input } from "~/components/ui/input";

/** How long typing pauses before the list is asked again. */
const SEARCH_DEBOUNCE_MS = 200;

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
  // What is in the box now; the URL (and the query) follows once typing pauses.
  const [text, setText] = useState(search);

  // The parent's handler changes on every render (the list re-renders each refresh); only a change
  // of text may restart the pause.
  const commit = useEffectEvent((next: string) => {
    if (next !== search) onSearchChange(next);
  });
  useEffect(() => {
    const timer = setTimeout(() => commit(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="relative w-full max-w-sm">
        <Search
          aria-hidden
          className="text-muted pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2"
        />
        <Input
          type="search"
          aria-label="Search topics by name"
          placeholder="Search topics…"
          value={text}
          onChange={(event) => setText(event.target.value)}
          className="pl-8"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <Checkbox
        label="Show internal topics"
        checked={includeInternal}
        onChange={(event) => onIncludeInternalChange(event.target.checked)}
      />
      <div className="ml-auto flex items-center gap-2">{actions}</div>
    </div>
  );
}
