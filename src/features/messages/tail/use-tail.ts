"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";
import { decodeTailBatch, type TTailStatus } from "~/domain/messages/tail-batch";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { EMPTY_TAIL_SCREEN, type TTailScreen } from "./tail-buffer";
import { TailInbox } from "./tail-inbox";

export type TTailConnection =
  | { state: "stopped" }
  | { state: "connecting"; isReconnect: boolean }
  | { state: "live" }
  /** The server or Kafka cannot serve the tail right now; it is retried. */
  | { state: "retrying"; message: string; hint: string | null; retryInMs: number | null }
  | { state: "error"; error: unknown };

/**
 * The `messages.tail` stream of one topic (all partitions or one), buffered: batches go into an
 * inbox as they arrive (no render) and become a new screen at most every 100 ms, so a busy topic
 * renders ~10 times a second rather than once per message.
 */
export function useTail(input: {
  clusterId: string;
  topic: string;
  partition: number | null;
  /** Newest messages to show first. */
  last: number;
  isRunning: boolean;
}) {
  const trpc = useTRPC();
  // Mutable on purpose and never rendered directly: arrivals land here without a render.
  const [inbox] = useState(() => new TailInbox());
  const [screen, setScreen] = useState<TTailScreen>(EMPTY_TAIL_SCREEN);
  const [rate, setRate] = useState(0);
  const [serverStatus, setServerStatus] = useState<TTailStatus | null>(null);

  const subscription = useSubscription(
    trpc.messages.tail.subscriptionOptions(
      {
        clusterId: input.clusterId,
        topic: input.topic,
        partitions: input.partition === null ? null : [input.partition],
        last: input.last,
      },
      {
        enabled: input.isRunning,
        onData: (event) => {
          // The server sends each batch's messages as JSON it made once for every tab.
          inbox.receive(decodeTailBatch(event.data));
        },
      },
    ),
  );

  useEffect(
    () =>
      inbox.listen(() => {
        const next = inbox.buffer.flush();
        if (next) setScreen(next);
        setRate(Math.round(inbox.meter.perSecond(Date.now())));
        setServerStatus(inbox.status);
      }),
    [inbox],
  );

  // Once a status arrived, a new "connecting" means the stream broke and is being reopened.
  const connection = toConnection(subscription.status, subscription.error, serverStatus, input.isRunning);
  const { buffer } = inbox;
  return {
    screen,
    rate,
    connection,
    pause: () => {
      buffer.pause();
      inbox.schedule();
    },
    resume: () => {
      buffer.resume();
      inbox.schedule();
    },
    clear: () => {
      buffer.clear();
      inbox.schedule();
    },
    retry: () => subscription.reset(),
  };
}

function toConnection(
  status: "idle" | "connecting" | "pending" | "error",
  error: unknown,
  serverStatus: TTailStatus | null,
  isRunning: boolean,
): TTailConnection {
  if (!isRunning) return { state: "stopped" };
  if (status === "error") return { state: "error", error };
  // tRPC's SSE client retries server errors (5xx) on its own; say which one while it does.
  if (status === "connecting" && error) return { state: "retrying", ...toUserMessage(error), retryInMs: null };
  if (status === "connecting" || !serverStatus) return { state: "connecting", isReconnect: serverStatus !== null };
  if (serverStatus.state === "reconnecting") {
    return {
      state: "retrying",
      message: serverStatus.message,
      hint: serverStatus.hint,
      retryInMs: serverStatus.retryInMs,
    };
  }
  return { state: "live" };
}
