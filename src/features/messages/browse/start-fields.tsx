"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Input, Select } from "~/components/ui/input";
import type { TBrowseStart } from "~/domain/messages/browse-query";

/** A datetime-local value ("2026-01-02T03:04:05.006") in the browser's time zone. */
function toLocalInput(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
  );
}

/**
 * Where reading starts: earliest, latest, an offset or a time. Offsets and times apply on Enter
 * or "Go", so typing does not fire a read per keystroke.
 */
export function StartFields({ start, onChange }: { start: TBrowseStart; onChange: (start: TBrowseStart) => void }) {
  const [kind, setKind] = useState<TBrowseStart["kind"]>(start.kind);
  const [offset, setOffset] = useState(start.kind === "offset" ? start.offset : "");
  // A lazy initializer: "an hour ago" is read once, when the field first appears.
  const [time, setTime] = useState(() =>
    toLocalInput(start.kind === "timestamp" ? start.timestamp : Date.now() - 3_600_000),
  );
  const offsetError =
    kind === "offset" && offset !== "" && !/^\d{1,19}$/.test(offset) ? "An offset is a whole number." : null;
  const timestamp = Date.parse(time);

  const apply = () => {
    if (kind === "offset" && /^\d{1,19}$/.test(offset)) onChange({ kind, offset });
    if (kind === "timestamp" && Number.isFinite(timestamp)) onChange({ kind, timestamp });
  };

  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <div className="space-y-1">
        <label htmlFor="browse-start" className="block text-sm font-medium">
          Start
        </label>
        <Select
          id="browse-start"
          className="w-36"
          value={kind}
          onChange={(event) => {
            const next = event.target.value as TBrowseStart["kind"];
            setKind(next);
            if (next === "earliest" || next === "latest") onChange({ kind: next });
          }}
        >
          <option value="earliest">Earliest</option>
          <option value="latest">Latest</option>
          <option value="offset">Offset</option>
          <option value="timestamp">Timestamp</option>
        </Select>
      </div>
      {kind === "offset" ? (
        <div className="space-y-1">
          <label htmlFor="browse-offset" className="block text-sm font-medium">
            Offset
          </label>
          <Input
            id="browse-offset"
            inputMode="numeric"
            className="w-40"
            value={offset}
            placeholder="e.g. 500"
            aria-invalid={offsetError ? true : undefined}
            title={offsetError ?? undefined}
            onChange={(event) => setOffset(event.target.value.trim())}
          />
        </div>
      ) : null}
      {kind === "timestamp" ? (
        <div className="space-y-1">
          <label htmlFor="browse-time" className="block text-sm font-medium">
            Time (local)
          </label>
          <Input
            id="browse-time"
            type="datetime-local"
            step="0.001"
            className="w-60"
            value={time}
            onChange={(event) => setTime(event.target.value)}
          />
        </div>
      ) : null}
      {kind === "offset" || kind === "timestamp" ? (
        <Button
          type="submit"
          disabled={kind === "offset" ? offset === "" || offsetError !== null : !Number.isFinite(timestamp)}
        >
          Go
        </Button>
      ) : null}
    </form>
  );
}
