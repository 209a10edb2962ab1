"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { Dialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import type { TMessage } from "~/domain/messages/message";
import { MessageDetail } from "./message-detail";
import { MESSAGE_GRID, MessageRow } from "./message-row";
import { useMessageTimeZone, useTopicDecoder } from "./use-topic-decoder";

const ROW_HEIGHT = 36;

type MessageTableProps = {
  clusterId: string;
  topic: string;
  /** In the order to show them, unless `newestFirst`. */
  messages: readonly TMessage[];
  /** Shown instead of rows when there are no messages. */
  empty?: ReactNode;
  "aria-label"?: string;
  /** Show the array's last message at the top: for streams that append as messages arrive. */
  newestFirst?: boolean;
};

/**
 * The message list shared by browse, tail and search: partition, offset, timestamp, key, value
 * preview, header count and size, decoded with the topic's decoder. Rows are virtualized, so
 * thousands of messages scroll smoothly; a row opens the message in full.
 */
export function MessageTable(props: MessageTableProps) {
  const { clusterId, topic, messages, empty, newestFirst = false } = props;
  const [decoder] = useTopicDecoder(clusterId, topic);
  const [zone, setZone] = useMessageTimeZone();
  const [open, setOpen] = useState<TMessage | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = messages.length;
  const at = useCallback(
    (index: number) => messages[newestFirst ? count - 1 - index : index]!,
    [messages, newestFirst, count],
  );
  // The compiler skips memoizing this component because of the virtualizer; that is what we want.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => `${at(index).partition}:${at(index).offset}`,
  });

  return (
    <div
      role="table"
      aria-label={props["aria-label"] ?? `Messages of ${topic}`}
      aria-rowcount={count + 1}
      className="border-line bg-surface overflow-x-auto rounded-lg border"
    >
      <div className="min-w-[60rem]">
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            className={`${MESSAGE_GRID} text-muted items-center px-3 py-2 text-left text-xs font-medium uppercase`}
          >
            <span role="columnheader">Partition</span>
            <span role="columnheader">Offset</span>
            <span role="columnheader" className="flex items-center gap-2">
              Timestamp
              <button
                type="button"
                onClick={() => setZone(zone === "utc" ? "local" : "utc")}
                className="border-line hover:text-ink rounded border px-1 normal-case"
                aria-label={`Timestamps in ${zone === "utc" ? "UTC" : "local time"}; switch to ${zone === "utc" ? "local time" : "UTC"}`}
              >
                {zone === "utc" ? "UTC" : "Local"}
              </button>
            </span>
            <span role="columnheader">Key</span>
            <span role="columnheader">Value</span>
            <span role="columnheader">Headers</span>
            <span role="columnheader" className="text-right">
              Size
            </span>
          </div>
        </div>
        {count === 0 ? (
          (empty ?? <EmptyState title="No messages" />)
        ) : (
          <div ref={scrollRef} role="rowgroup" className="max-h-[65vh] overflow-y-auto" data-testid="message-rows">
            <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => (
                <MessageRow
                  key={item.key}
                  index={item.index}
                  message={at(item.index)}
                  decoder={decoder}
                  zone={zone}
                  onOpen={setOpen}
                  style={{ top: item.start, height: ROW_HEIGHT }}
                />
              ))}
            </div>
          </div>
        )}
      </div>
      <Dialog open={open !== null} onOpenChange={(isOpen) => (isOpen ? undefined : setOpen(null))}>
        {open ? <MessageDetail clusterId={clusterId} topic={topic} message={open} /> : null}
      </Dialog>
    </div>
  );
}
