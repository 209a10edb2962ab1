"use client";

import { Search } from "lucide-react";
import { useEffect, useEffectEvent, useState } from "react";
import { Input } from "./input";

/** How long typing pauses before the search is handed on. */
const SEARCH_DEBOUNCE_MS = 200;

type SearchBoxProps = {
  /** The search in force (from the URL). */
  search: string;
  /** Called once typing pauses, with the new text. */
  onSearchChange: (search: string) => void;
  label: string;
  placeholder: string;
};

/** A search field for lists: the box answers each key at once, the list follows once typing pauses. */
export function SearchBox({ search, onSearchChange, label, placeholder }: SearchBoxProps) {
  const [text, setText] = useState(search);
  // The parent's handler changes on every render (lists re-render each refresh); only a change of
  // text may restart the pause.
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
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
        className="pl-8"
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
