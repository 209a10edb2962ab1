"use client";

import { Badge } from "~/components/ui/badge";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import type { TTailScreen } from "./tail-buffer";
import type { TTailConnection } from "./use-tail";

/** Whether the tail is receiving: a badge while all is well, a banner with the sentence when not. */
export function TailConnectionBadge({ connection }: { connection: TTailConnection }) {
  switch (connection.state) {
    case "stopped":
      return <Badge>stopped</Badge>;
    case "connecting":
      return <Badge tone="warn">{connection.isReconnect ? "Reconnecting…" : "Connecting…"}</Badge>;
    case "live":
      return (
        <Badge tone="ok">
          <span aria-hidden className="bg-ok size-1.5 animate-pulse rounded-full" />
          Live
        </Badge>
      );
    case "retrying":
      return <Badge tone="warn">Retrying…</Badge>;
    case "error":
      return <Badge tone="danger">stopped by an error</Badge>;
  }
}

export function TailConnectionBanner({ connection, onRetry }: { connection: TTailConnection; onRetry: () => void }) {
  if (connection.state === "retrying") {
    return (
      <Banner tone="warn" title={connection.message}>
        {connection.hint ? `${connection.hint} ` : null}
        {connection.retryInMs === null
          ? "Retrying on its own; new messages appear once the tail is back."
          : `Retrying in ${Math.round(connection.retryInMs / 1_000)} s; new messages appear when Kafka answers again.`}
      </Banner>
    );
  }
  if (connection.state === "error") {
    return (
      <Banner tone="danger" title={connection.message} actions={<Button onClick={onRetry}>Try again</Button>}>
        {connection.hint}
      </Banner>
    );
  }
  return null;
}

/** Arrival rate and what is not on screen, so nothing leaves without the user being told. */
export function TailCounters({ screen, rate }: { screen: TTailScreen; rate: number }) {
  return (
    <div className="text-muted flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" aria-live="polite">
      <span data-testid="tail-rate">
        <span className="text-ink font-mono">{rate.toLocaleString()}</span> msg/s
      </span>
      <span data-testid="tail-row-count">
        <span className="text-ink font-mono">{screen.rows.length.toLocaleString()}</span> on screen
      </span>
      {screen.notShown > 0 ? (
        <span data-testid="tail-not-shown" className="text-warn">
          {screen.notShown.toLocaleString()} not shown
        </span>
      ) : null}
      {screen.isPaused ? (
        <span data-testid="tail-paused-count" className="text-accent">
          {screen.newWhilePaused.toLocaleString()} new while paused
        </span>
      ) : null}
    </div>
  );
}
