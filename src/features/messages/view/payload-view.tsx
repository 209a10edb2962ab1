"use client";

import { useMemo, useState } from "react";
import { Button } from "~/components/ui/button";
import { base64ToBytes, decodePayload, formatBytes, type TDecoder } from "~/domain/messages/decoders";
import type { TPayload } from "~/domain/messages/message";
import { JsonTree } from "./json-tree";

/** A <pre> of several megabytes makes the dialog sluggish; more than this is cut with a note. */
const MAX_SHOWN_CHARS = 2_000_000;

/** One key, value or header value, decoded in full; JSON as a tree or as pretty text. */
export function PayloadView({
  payload,
  decoder,
  label,
}: {
  payload: TPayload | null;
  decoder: TDecoder;
  label: string;
}) {
  const decoded = useMemo(() => (payload === null ? null : decodePayload(payload, decoder)), [payload, decoder]);
  const [asText, setAsText] = useState(false);
  if (payload === null || decoded === null) {
    return <p className="text-muted text-sm italic">null ({label.toLowerCase()} not set)</p>;
  }
  const isCut = decoded.text.length > MAX_SHOWN_CHARS;
  return (
    <div className="space-y-2" data-testid={`payload-${label.toLowerCase()}`}>
      <div className="text-muted flex flex-wrap items-center gap-2 text-xs">
        <span>
          <span data-testid="payload-decoder">{decoded.label ?? decoded.kind.toUpperCase()}</span> ·{" "}
          {formatBytes(payload.size)}
          {decoded.label
            ? payload.schema?.isTruncated
              ? " · the start of the decoded value shown"
              : ""
            : payload.isTruncated
              ? ` · first ${formatBytes(base64ToBytes(payload.base64).length)} shown`
              : ""}
        </span>
        {decoded.json ? (
          <Button variant="ghost" className="h-6 px-2 text-xs" onClick={() => setAsText(!asText)}>
            {asText ? "Show as tree" : "Show as text"}
          </Button>
        ) : null}
      </div>
      {decoded.note ? <p className="text-warn text-xs">{decoded.note}</p> : null}
      {decoded.json && !asText ? (
        <div className="border-line bg-surface-raised max-h-[50vh] overflow-auto rounded-md border p-2">
          <JsonTree value={decoded.json.value} />
        </div>
      ) : (
        <pre className="border-line bg-surface-raised max-h-[50vh] overflow-auto rounded-md border p-2 font-mono text-xs break-all whitespace-pre-wrap">
          {isCut ? decoded.text.slice(0, MAX_SHOWN_CHARS) : decoded.text}
        </pre>
      )}
      {isCut ? (
        <p className="text-muted text-xs">
          Showing the first {formatBytes(MAX_SHOWN_CHARS)} of text; export the message to read the rest.
        </p>
      ) : null}
    </div>
  );
}
