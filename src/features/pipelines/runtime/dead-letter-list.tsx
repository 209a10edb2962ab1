"use client";

import type { TDeadLetterRecord } from "~/domain/pipelines/runtime/runtime-dto";
import { keyText, valueText } from "../dry-run/record-text";

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });

/**
 * Dead-letter records as text (message data is untrusted: React escapes it, and values are cut):
 * the error, where the record was read, its key and value. A list, not a table: the sidebar is narrow.
 */
export function DeadLetterList({ records }: { records: readonly TDeadLetterRecord[] }) {
  return (
    <ul
      className="border-line divide-line max-h-96 divide-y overflow-y-auto rounded-md border text-xs"
      aria-label="Dead-letter records"
    >
      {records.map((record) => (
        <li
          key={`${record.partition}:${record.offset}`}
          className="space-y-0.5 px-2 py-1.5"
          data-testid="dead-letter-record"
        >
          <p className="text-danger" data-testid="dead-letter-error">
            {record.error ?? "No error was recorded."}
          </p>
          <p className="text-muted font-mono">
            {record.source
              ? `from ${record.source.topic} p${record.source.partition} @ ${record.source.offset}`
              : "source unknown"}
            {" · "}
            dead letter p{record.partition} @ {record.offset} · {TIME_FORMAT.format(record.timestamp)}
          </p>
          <p className="font-mono break-all">
            <span className="text-muted">key </span>
            {keyText(record.key)}
          </p>
          <p className="font-mono break-all">
            <span className="text-muted">value </span>
            {record.value === null ? "(null)" : valueText(record.value, 500)}
          </p>
        </li>
      ))}
    </ul>
  );
}
