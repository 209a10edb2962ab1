"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Checkbox, Input } from "~/components/ui/input";
import { pluralize } from "~/lib/format";

/** Most topics a checklist draws at once; the search narrows the rest. */
const MAX_SHOWN = 300;

type TopicChecklistProps = {
  topics: string[];
  selected: ReadonlySet<string>;
  onChange: (selected: ReadonlySet<string>) => void;
};

/** The cluster's undefined topics as a searchable checklist. */
export function TopicChecklist({ topics, selected, onChange }: TopicChecklistProps) {
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const matching = needle === "" ? topics : topics.filter((name) => name.toLowerCase().includes(needle));
  const shown = matching.slice(0, MAX_SHOWN);

  function toggle(name: string, isChecked: boolean) {
    const next = new Set(selected);
    if (isChecked) next.add(name);
    else next.delete(name);
    onChange(next);
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Input
          type="search"
          aria-label="Search undefined topics"
          placeholder="Search topics…"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="max-w-sm"
          autoComplete="off"
          spellCheck={false}
        />
        <Button
          variant="ghost"
          onClick={() => onChange(new Set([...selected, ...shown]))}
          disabled={shown.length === 0}
        >
          Select all shown
        </Button>
        <Button variant="ghost" onClick={() => onChange(new Set())} disabled={selected.size === 0}>
          Clear
        </Button>
        <span className="text-muted ml-auto text-sm">{pluralize(selected.size, "topic")} selected</span>
      </div>
      {shown.length === 0 ? (
        <p className="text-muted text-sm">
          {needle ? `No undefined topic matches '${search}'.` : "Every topic of this cluster is defined."}
        </p>
      ) : (
        <ul className="grid gap-1 sm:grid-cols-2 xl:grid-cols-3" aria-label="Undefined topics">
          {shown.map((name) => (
            <li key={name}>
              <Checkbox
                label={<span className="font-mono break-all">{name}</span>}
                checked={selected.has(name)}
                onChange={(event) => toggle(name, event.target.checked)}
              />
            </li>
          ))}
        </ul>
      )}
      {matching.length > shown.length ? (
        <p className="text-muted text-xs">
          Showing {shown.length} of {pluralize(matching.length, "topic")}; search to narrow them.
        </p>
      ) : null}
    </div>
  );
}
