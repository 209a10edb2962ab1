"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import { useState } from "react";
import { visibleControls } from "~/domain/messages/decoders";
import { JsonNumber } from "~/domain/messages/lossless-json";

/**
 * A collapsible view of a parsed JSON value (numbers are JsonNumber: shown as written, 64-bit ids too). Hostile input is bounded: children render only
 * once a node is opened, each node shows at most MAX_ENTRIES children, and nothing deeper than
 * MAX_DEPTH is rendered as a tree (the Text decoder shows it all). Keys and strings are text nodes.
 */
const MAX_DEPTH = 24;
const MAX_ENTRIES = 200;
const OPEN_DEPTH = 2;

export function JsonTree({ value }: { value: unknown }) {
  return (
    <div className="font-mono text-xs leading-5" data-testid="json-tree">
      <JsonNode label={null} value={value} depth={0} />
    </div>
  );
}

function JsonNode({ label, value, depth }: { label: string | null; value: unknown; depth: number }) {
  const [isOpen, setOpen] = useState(depth < OPEN_DEPTH);
  const labelNode = label === null ? null : <span className="text-accent">{visibleControls(label)}: </span>;
  if (value === null || typeof value !== "object" || value instanceof JsonNumber) {
    return (
      <div className="pl-4">
        {labelNode}
        <Scalar value={value} />
      </div>
    );
  }
  const isArray = Array.isArray(value);
  // Object.keys lists own keys only; a "__proto__" key from JSON.parse is just another key here.
  const keys = isArray ? null : Object.keys(value);
  const count = isArray ? value.length : keys!.length;
  const summary = isArray ? `[${count} item${count === 1 ? "" : "s"}]` : `{${count} key${count === 1 ? "" : "s"}}`;
  if (depth >= MAX_DEPTH) {
    return (
      <div className="pl-4">
        {labelNode}
        <span className="text-muted">
          {summary} nested deeper than {MAX_DEPTH} levels; choose Text to read it
        </span>
      </div>
    );
  }
  return (
    <div className={depth === 0 ? "" : "pl-4"}>
      <button
        type="button"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
        className="hover:bg-surface-raised inline-flex items-center rounded text-left"
      >
        {isOpen ? <ChevronDown aria-hidden className="size-3" /> : <ChevronRight aria-hidden className="size-3" />}
        {labelNode}
        <span className="text-muted">{summary}</span>
      </button>
      {isOpen ? <Children value={value} keys={keys} depth={depth} /> : null}
    </div>
  );
}

function Children({ value, keys, depth }: { value: object; keys: string[] | null; depth: number }) {
  const entries: [string, unknown][] = keys
    ? keys.slice(0, MAX_ENTRIES).map((key) => [key, (value as Record<string, unknown>)[key]])
    : (value as unknown[]).slice(0, MAX_ENTRIES).map((item, index) => [String(index), item]);
  const total = keys ? keys.length : (value as unknown[]).length;
  return (
    <>
      {entries.map(([key, child]) => (
        <JsonNode key={key} label={key} value={child} depth={depth + 1} />
      ))}
      {total > MAX_ENTRIES ? (
        <div className="text-muted pl-4">… {total - MAX_ENTRIES} more (choose Text to read them)</div>
      ) : null}
    </>
  );
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === "string") return <span className="text-ok">&quot;{visibleControls(value)}&quot;</span>;
  if (value instanceof JsonNumber) return <span className="text-warn">{value.source}</span>;
  return <span className="text-muted">{String(value)}</span>;
}
