"use client";

import { Search } from "lucide-react";
import { useEffect, useEffectEvent, useState } from "react";
import { Input } from "~/components/ui/input";

/** How long typing pauses before the list is asked again. */
const SEARCH_DEBOUNCE_MS = 200;

export function GroupSearch({ search, onSearchChange }: { search: string; onSearchChange: (search: string) => void }) {
  // What is in the box now; the URL (and the query) follows once typing pauses.
  const [text, setText] = useState(search);
  // The parent's handler changes on every refresh; only a change of text may restart the pause.
  const commit = useEffectEvent((next: string) => {
    if (next !== search) onSearchChange(next);
  });
  useEffect(() => {
    const timer = setTimeout(() => commit(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="relative w-full max-w-sm">
      <Search
        aria-hidden
        className="text-muted pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2"
      />
      <Input
        type="search"
        aria-label="Search consumer groups by id"
        placeholder="Search groups…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        className="pl-8"
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
