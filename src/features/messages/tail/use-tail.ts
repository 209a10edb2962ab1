"use client";

import { useEffect, useState } from "react";
import type { TTailStatus } from "~/domain/messages/tail-batch";
import { EMPTY_TAIL_SCREEN, type TTailScreen } from "./tail-buffer";
import { TailInbox } from "./tail-inbox";
import { openTailStream, tailUrl, type TTailStreamState } from "./tail-stream";

export type TTailConnection =
  | { state: "stopped" }
  | { state: "connecting"; isReconnect: boolean }
  | { state: "live" }
  /** The server or Kafka cannot serve the tail right now; it is retried. */
  | { state: "retrying"; message: string; hint: string | null; retryInMs: number | null }
  | { state: "error"; message: string; hint: string | null };

/**
 * The live tail of one topic (all partitions or one), buffered: batches go into an inbox as they
 * arrive (no render) and become a new screen at most every 100 ms, so a busy topic renders ~10
 * times a second rather than once per message.
 */
export function useTail(input: {
  clusterId: string;
  topic: string;
  partition: number | null;
  /** Newest messages to show first. */
  last: number;
  isRunning: boolean;
}) {
  // Mutable on purpose and never rendered directly: arrivals land here without a render.
  const [inbox] = useState(() => new TailInbox());
  const [screen, setScreen] = useState<TTailScreen>(EMPTY_TAIL_SCREEN);
  const [rate, setRate] = useState(0);
  const [serverStatus, setServerStatus] = useState<TTailStatus | null>(null);
  const [stream, setStream] = useState<TTailStreamState>({ state: "connecting", isReconnect: false });
  // Bumped by "Try again" to open a new stream.
  const [attempt, setAttempt] = useState(0);

  const { clusterId, topic, partition, last, isRunning } = input;
  useEffect(() => {
    if (!isRunning) return;
    return openTailStream(tailUrl(clusterId, topic, partition, last), {
      onBatch: (batch) => inbox.receive(batch),
      onState: setStream,
    });
  }, [inbox, clusterId, topic, partition, last, isRunning, attempt]);

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

  const connection = toConnection(stream, serverStatus, isRunning);
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
    retry: () => setAttempt((count) => count + 1),
  };
}

function toConnection(stream: TTailStreamState, serverStatus: TTailStatus | null, isRunning: boolean): TTailConnection {
  if (!isRunning) return { state: "stopped" };
  if (stream.state === "failed") return { state: "error", message: stream.message, hint: stream.hint };
  // "Retrying on its own": the wait before the next attempt grows, so no countdown is promised.
  if (stream.state === "retrying")
    return { state: "retrying", message: stream.message, hint: stream.hint, retryInMs: null };
  // Once a status arrived, a new "connecting" means the stream broke and is being reopened.
  if (stream.state === "connecting" || !serverStatus) {
    return { state: "connecting", isReconnect: stream.state === "connecting" ? stream.isReconnect : false };
  }
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
