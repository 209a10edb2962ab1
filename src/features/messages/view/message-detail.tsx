"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { DialogContent } from "~/components/ui/dialog";
import { formatBytes, visibleControls } from "~/domain/messages/decoders";
import type { TMessage } from "~/domain/messages/message";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { ReplayButton } from "../produce/replay-button";
import { formatTimestamp } from "./format-timestamp";
import { PayloadView } from "./payload-view";
import { useMessageTimeZone, useTopicDecoder } from "./use-topic-decoder";

/** The body of the dialog a row opens: every field, decoded in full; cut payloads load on demand. */
export function MessageDetail({ clusterId, topic, message }: { clusterId: string; topic: string; message: TMessage }) {
  const trpc = useTRPC();
  const [decoder] = useTopicDecoder(clusterId, topic);
  const [zone] = useMessageTimeZone();
  const [wantsFull, setWantsFull] = useState(false);
  const isCut =
    Boolean(message.value?.isTruncated || message.value?.schema?.isTruncated || message.key?.isTruncated) ||
    message.headers.some((header) => header.value?.isTruncated);
  const full = useQuery({
    ...trpc.messages.get.queryOptions({ clusterId, topic, partition: message.partition, offset: message.offset }),
    enabled: wantsFull && isCut,
    staleTime: Infinity,
  });
  const shown = full.data ?? message;

  return (
    <DialogContent
      title={`Partition ${message.partition} · offset ${message.offset}`}
      description={`${formatTimestamp(message.timestamp, zone)} (${message.timestampType}) · ${formatBytes(message.size)}`}
      className="max-w-4xl"
    >
      <div className="space-y-5" data-testid="message-detail">
        <section aria-label="Key" className="space-y-1">
          <h3 className="text-sm font-semibold">Key</h3>
          <PayloadView payload={shown.key} decoder={decoder} label="Key" />
        </section>
        <section aria-label="Headers" className="space-y-1">
          <h3 className="text-sm font-semibold">Headers ({message.headers.length})</h3>
          {shown.headers.length === 0 ? (
            <p className="text-muted text-sm">No headers.</p>
          ) : (
            <dl className="space-y-2">
              {shown.headers.map((header, index) => (
                <div key={index} className="grid gap-1 sm:grid-cols-[12rem_1fr]">
                  <dt className="font-mono text-xs break-all">{visibleControls(header.key)}</dt>
                  <dd className="min-w-0">
                    <PayloadView payload={header.value} decoder={decoder} label="Header" />
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
        <section aria-label="Value" className="space-y-1">
          <div className="flex flex-wrap items-center gap-3">
            <h3 className="text-sm font-semibold">Value</h3>
            {isCut && !full.data ? (
              <Button onClick={() => setWantsFull(true)} disabled={full.isFetching}>
                {full.isFetching ? "Loading…" : `Load full value (${formatBytes(message.value?.size ?? message.size)})`}
              </Button>
            ) : null}
          </div>
          {full.isError ? (
            <Banner tone="danger" title={toUserMessage(full.error).message}>
              {toUserMessage(full.error).hint}
            </Banner>
          ) : null}
          <PayloadView payload={shown.value} decoder={decoder} label="Value" />
        </section>
        <div className="flex justify-end">
          <ReplayButton clusterId={clusterId} topic={topic} message={shown} />
        </div>
      </div>
    </DialogContent>
  );
}
