import "server-only";
import { parseBrowseParams } from "~/domain/messages/browse-query";
import type { TMessage, TPayload } from "~/domain/messages/message";
import { EXPORT_MAX_RESULTS, searchQueryFromParams, ZSearchInput } from "~/domain/messages/search-query";
import type { TTopicValueCodec } from "~/domain/schemas/topic-value-codec";
import { AppError } from "~/lib/app-error";
import { withMetadata } from "~/server/kafka/client-registry";
import { fetchRecords } from "~/server/kafka/messages/fetch-records";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { readPartitionStates } from "~/server/kafka/messages/partition-states";
import { recordRead, type TAuditActor } from "../../audit/audited";
import { exportMaxBytes, exportMaxMessages, exportTooLarge } from "../../limits/ceilings";
import { limiter } from "../../limits/limits";
import { getCluster } from "../../clusters/registered-clusters";
import { browseMessages } from "../browse-service";
import { lookupTopicSchema } from "../schemas/topic-schema";
import { createRecordPredicate } from "./record-predicate";
import { searchForExport } from "./search-service";
import { CSV_HEADER, EXPORT_FORMATS, toCsvRow, toJsonLine, type TExportFormat } from "./export-writers";

export type TExport = { filename: string; contentType: string; chunks: AsyncGenerator<string> };

/**
 * An export of what the messages tab shows, read from its query string: in search mode the
 * matches of the same search (up to 100,000), otherwise the current browse page. Everything that
 * can be refused (unknown cluster, bad filter, bad format) is refused before the first byte, so the
 * route can answer with a status and a sentence; the rest streams.
 */
export async function prepareExport(
  by: TAuditActor,
  where: { clusterId: string; topic: string },
  params: URLSearchParams,
  signal: AbortSignal,
): Promise<TExport> {
  const format = EXPORT_FORMATS.find((candidate) => candidate === (params.get("format") ?? "jsonl"));
  if (!format) throw new AppError("BAD_INPUT", "An export is written as jsonl or csv.", "Choose JSON lines or CSV.");
  // Held until the download ends, fails or is cancelled (the route aborts `signal` then).
  const release = limiter.acquire("export", by.actor.id);
  signal.addEventListener("abort", release, { once: true });
  try {
    return await startExport(by, where, params, signal, format, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function startExport(
  by: TAuditActor,
  where: { clusterId: string; topic: string },
  params: URLSearchParams,
  signal: AbortSignal,
  format: TExportFormat,
  release: () => void,
): Promise<TExport> {
  const cluster = await getCluster(where.clusterId);
  // Before the records start: a refused search must not wait, unhandled, behind this lookup.
  const { codec } = await lookupTopicSchema(cluster.id, where.topic);
  const isSearch = params.get("mode") === "search";
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const partition = params.get("partition") ?? "all";
  const filename = `${where.topic}-${isSearch ? "search" : "browse"}-p${partition}-${stamp}.${format}`;
  const records = isSearch
    ? searchRecords(by, where, params, signal)
    : browseRecords(by, { ...where, cluster }, params, signal);
  return {
    filename,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    chunks: write(format, await records, release, codec),
  };
}

async function* write(
  format: TExportFormat,
  batches: AsyncGenerator<TFetchedRecord[], unknown>,
  release: () => void,
  codec: TTopicValueCodec | null,
): AsyncGenerator<string> {
  const maxBytes = exportMaxBytes();
  let written = 0;
  try {
    if (format === "csv") yield CSV_HEADER;
    for await (const batch of batches) {
      let chunk = "";
      for (const record of batch) {
        const line = format === "csv" ? toCsvRow(record, codec) : toJsonLine(record, codec);
        written += Buffer.byteLength(line);
        // Whole records only; the download then fails with the reason rather than end as if complete.
        if (written > maxBytes) {
          if (chunk !== "") yield chunk;
          throw exportTooLarge();
        }
        chunk += line;
      }
      yield chunk;
    }
  } finally {
    release();
  }
}

async function searchRecords(
  by: TAuditActor,
  where: { clusterId: string; topic: string },
  params: URLSearchParams,
  signal: AbortSignal,
): Promise<AsyncGenerator<TFetchedRecord[], unknown>> {
  const parsed = ZSearchInput.safeParse({
    ...searchQueryFromParams(params),
    ...where,
    maxResults: exportMaxMessages(EXPORT_MAX_RESULTS),
  });
  if (!parsed.success) {
    throw new AppError(
      "BAD_INPUT",
      parsed.error.issues[0]?.message ?? "The search is not valid.",
      "Check the search form.",
    );
  }
  // Refuses a JSONata syntax error now, while a status can still say so.
  createRecordPredicate(parsed.data.kind, parsed.data.query);
  return searchForExport(by, parsed.data, signal);
}

async function browseRecords(
  by: TAuditActor,
  where: { clusterId: string; topic: string; cluster: { id: string; bootstrapServers: string } },
  params: URLSearchParams,
  signal: AbortSignal,
): Promise<AsyncGenerator<TFetchedRecord[], unknown>> {
  const query = { clusterId: where.clusterId, topic: where.topic, ...parseBrowseParams(params) };
  const page = await browseMessages(by, query);
  await recordRead({
    by,
    action: "messages.export",
    clusterId: where.clusterId,
    target: where.topic,
    details: { mode: "browse", partition: query.partition, start: query.start, count: page.messages.length },
  });
  return (async function* () {
    const records: TFetchedRecord[] = [];
    for (const message of page.messages) {
      if (signal.aborted) return;
      records.push(
        isCut(message) ? await readInFull(where.cluster, where.topic, message, signal) : fromMessage(message),
      );
    }
    yield records;
  })();
}

function isCut(message: TMessage): boolean {
  return Boolean(
    message.key?.isTruncated ||
    message.value?.isTruncated ||
    message.headers.some((header) => header.value?.isTruncated),
  );
}

const bytesOf = (payload: TPayload | null) => (payload === null ? null : Buffer.from(payload.base64, "base64"));

function fromMessage(message: TMessage): TFetchedRecord {
  return {
    partition: message.partition,
    offset: BigInt(message.offset),
    timestamp: message.timestamp,
    timestampType: message.timestampType,
    key: bytesOf(message.key),
    value: bytesOf(message.value),
    headers: message.headers.map((header) => ({ key: header.key, value: bytesOf(header.value) })),
  };
}

/** The page carries the first 16 KiB of long payloads; an export carries them whole. */
async function readInFull(
  cluster: { id: string; bootstrapServers: string },
  topic: string,
  message: TMessage,
  signal: AbortSignal,
): Promise<TFetchedRecord> {
  const offset = BigInt(message.offset);
  const found = await withMetadata(cluster, async (internal) => {
    const state = (await readPartitionStates(internal, topic)).find((one) => one.partition === message.partition);
    if (!state || state.leader === null) return null;
    const [result] = await fetchRecords(
      internal,
      topic,
      [{ partition: message.partition, leader: state.leader, fromOffset: offset }],
      {
        maxWaitMs: 0,
        maxBytesPerPartition: 1024 * 1024,
        signal,
      },
    );
    return result?.records.find((record) => record.offset === offset) ?? null;
  });
  return found ?? fromMessage(message);
}
