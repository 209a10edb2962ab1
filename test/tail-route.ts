import { GET as tailRoute } from "~/app/api/clusters/[clusterId]/topics/[topic]/messages/tail/route";
import { decodeTailEvent, type TTailBatch } from "~/domain/messages/tail-batch";
import { readSseEvents } from "~/lib/sse-events";
import { serverAllowedHosts } from "~/server/api/allowed-hosts";
import type { Role } from "~/server/auth/permissions";
import { signedInAs } from "./caller-as";

/** A tail the route refused (`status` 4xx/5xx) or that failed after it started (`status` 200, a `failure` event). */
export class TailRouteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type TTailRouteRequest = {
  clusterId: string;
  topic: string;
  partitions: number[] | null;
  last?: number;
  lastEventId?: string;
};

/**
 * The live tail route as the tail view reads it — from Tributary's own page, signed in as `role` —
 * yielding each event's id and decoded batch, one read at a time, until `signal` aborts.
 */
export async function* readTailRoute(
  role: Role,
  tail: TTailRouteRequest,
  signal: AbortSignal,
): AsyncGenerator<{ id: string; batch: TTailBatch }> {
  const { cookie } = await signedInAs(role);
  const host = serverAllowedHosts()[0]!;
  const query = new URLSearchParams({ last: String(tail.last ?? 0) });
  for (const partition of tail.partitions ?? []) query.append("partition", String(partition));
  const path = `/api/clusters/${tail.clusterId}/topics/${tail.topic}/messages/tail?${query}`;
  const headers: Record<string, string> = { host, "sec-fetch-site": "same-origin", cookie };
  if (tail.lastEventId) headers["last-event-id"] = tail.lastEventId;
  const response = await tailRoute(new Request(`http://${host}${path}`, { headers, signal }), {
    params: Promise.resolve({ clusterId: tail.clusterId, topic: tail.topic }),
  });
  if (!response.ok) throw new TailRouteError(response.status, (await response.text()).trim());
  for await (const event of readSseEvents(response.body!)) {
    if (event.event === "failure")
      throw new TailRouteError(200, (JSON.parse(event.data) as { message: string }).message);
    yield { id: event.id ?? "", batch: decodeTailEvent(event.data) };
  }
}
