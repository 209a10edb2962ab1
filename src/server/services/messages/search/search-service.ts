import "server-only";
import type { TMessage } from "~/domain/messages/message";
import type { TSearchEvent, TSearchInput, TSearchQuery } from "~/domain/messages/search-query";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { recordRead, type TAuditActor } from "../../audit/audited";
import { assertSearchCeilings } from "../../limits/ceilings";
import { getCluster } from "../../clusters/registered-clusters";
import { lookupTopicSchema } from "../schemas/topic-schema";
import { toMessage } from "../to-message";
import { scanTopic } from "./search-scan";

/** What the audit log keeps of a search: the filter and its bounds, never any payload. */
function auditDetails(query: TSearchQuery) {
  return {
    kind: query.kind,
    query: query.query.slice(0, 500),
    partition: query.partition,
    from: query.from,
    to: query.to,
    maxMessages: query.maxMessages,
  };
}

/** The search of the messages view: one audit row, then events with matches as message DTOs. */
export async function* runSearch(
  by: TAuditActor,
  input: TSearchInput,
  signal: AbortSignal,
): AsyncGenerator<TSearchEvent<TMessage>> {
  const { clusterId, topic, ...query } = input;
  assertSearchCeilings(query);
  const cluster = await getCluster(clusterId);
  await recordRead({ by, action: "messages.search", clusterId, target: topic, details: auditDetails(query) });
  const { codec } = await lookupTopicSchema(clusterId, topic);
  for await (const event of scanTopic(cluster, topic, query, signal, codec)) {
    yield { ...event, newMatches: event.newMatches.map((record) => toMessage(record, undefined, codec)) };
  }
}

/** The matches of a search for an export: raw records, so the export decides how to write payloads. */
export async function* searchForExport(
  by: TAuditActor,
  input: TSearchInput,
  signal: AbortSignal,
): AsyncGenerator<TFetchedRecord[], string> {
  const { clusterId, topic, ...query } = input;
  assertSearchCeilings({ ...query, maxResults: null });
  const cluster = await getCluster(clusterId);
  await recordRead({
    by,
    action: "messages.export",
    clusterId,
    target: topic,
    details: { mode: "search", ...auditDetails(query) },
  });
  let sentence = "";
  const { codec } = await lookupTopicSchema(clusterId, topic);
  for await (const event of scanTopic(cluster, topic, query, signal, codec)) {
    if (event.newMatches.length > 0) yield event.newMatches;
    if (event.type === "done") sentence = event.sentence;
  }
  return sentence;
}
