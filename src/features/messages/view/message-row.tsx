"use client";

import { memo, useMemo } from "react";
import { decodePayload, formatBytes, previewText, type TDecoder } from "~/domain/messages/decoders";
import type { TMessage, TPayload } from "~/domain/messages/message";
import { formatTimestamp } from "./format-timestamp";
import type { TTimeZone } from "./use-topic-decoder";

/** Column widths shared by the header and the rows (a grid, so that rows can be virtualized). */
export const MESSAGE_GRID = "grid grid-cols-[5rem_8rem_15.5rem_minmax(6rem,12rem)_minmax(10rem,1fr)_5rem_5rem] gap-x-3";

type MessageRowProps = {
  message: TMessage;
  decoder: TDecoder;
  zone: TTimeZone;
  onOpen: (message: TMessage) => void;
  style?: React.CSSProperties;
  index: number;
};

/** One message as a table row: focusable, opens its detail on click, Enter or Space. */
export const MessageRow = memo(function MessageRow({ message, decoder, zone, onOpen, style, index }: MessageRowProps) {
  const key = usePreview(message.key, decoder);
  const value = usePreview(message.value, decoder);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      style={style}
      data-testid="message-row"
      data-partition={message.partition}
      data-offset={message.offset}
      onClick={() => onOpen(message)}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          onOpen(message);
        }
        // Rows are siblings in index order (the virtualizer renders a window around the focus).
        const sibling =
          event.key === "ArrowDown"
            ? event.currentTarget.nextElementSibling
            : event.key === "ArrowUp"
              ? event.currentTarget.previousElementSibling
              : null;
        if (sibling instanceof HTMLElement) {
          event.preventDefault();
          sibling.focus();
        }
      }}
      className={`${MESSAGE_GRID} border-line hover:bg-surface-raised focus-visible:bg-surface-raised focus-visible:ring-accent absolute inset-x-0 cursor-pointer items-center border-t px-3 text-sm outline-none focus-visible:ring-2`}
    >
      <span role="cell" className="font-mono tabular-nums">
        {message.partition}
      </span>
      <span role="cell" className="font-mono tabular-nums" data-testid="message-offset">
        {message.offset}
      </span>
      <span role="cell" className="truncate tabular-nums">
        {formatTimestamp(message.timestamp, zone)}{" "}
        <abbr title={message.timestampType} className="text-muted text-xs no-underline">
          {message.timestampType === "LogAppendTime" ? "LAT" : "CT"}
        </abbr>
      </span>
      <span role="cell" className="truncate font-mono text-xs" data-testid="message-key">
        {key}
      </span>
      <span role="cell" className="truncate font-mono text-xs" data-testid="message-value">
        {value}
      </span>
      <span role="cell" className="text-muted tabular-nums">
        {message.headers.length}
      </span>
      <span role="cell" className="text-muted text-right tabular-nums">
        {formatBytes(message.size)}
      </span>
    </div>
  );
});

function usePreview(payload: TPayload | null, decoder: TDecoder): React.ReactNode {
  return useMemo(() => {
    if (payload === null) return <span className="text-muted italic">null</span>;
    if (payload.size === 0) return <span className="text-muted italic">empty</span>;
    const decoded = decodePayload(payload, decoder);
    const text = previewText(decoded);
    const isCut = decoded.label ? payload.schema?.isTruncated : payload.isTruncated;
    return isCut ? `${text}…` : text;
  }, [payload, decoder]);
}
