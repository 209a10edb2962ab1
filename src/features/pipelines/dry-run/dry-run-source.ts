/**
 * The dry run's source chooser as plain state, and what it sends (`TDryRunSource`): the newest
 * records of each source topic, an offset range of one partition, or records typed by the user.
 */
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TDryRunSource } from "~/domain/pipelines/pipeline-requests";

export type TTypedRow = { key: string; value: string };

export type TSourceDraft = {
  type: "latest" | "range" | "typed";
  perTopic: string;
  topic: string;
  partition: string;
  fromOffset: string;
  toOffset: string;
  rows: TTypedRow[];
};

export const DEFAULT_PER_TOPIC = 200;
export const MAX_PER_TOPIC = 5_000;

export function initialSourceDraft(document: TPipelineDocument): TSourceDraft {
  const [first] = sourceTopics(document);
  return {
    type: "latest",
    perTopic: String(DEFAULT_PER_TOPIC),
    topic: first ?? "",
    partition: "0",
    fromOffset: "0",
    toOffset: "100",
    rows: [{ key: "", value: "" }],
  };
}

/** Topics the pipeline reads first: topic nodes that no step writes to, in canvas order (top to bottom). */
export function sourceTopics(document: TPipelineDocument): string[] {
  const written = new Set(document.edges.map((edge) => edge.target));
  const names = document.nodes
    .filter((node) => node.kind === "topic" && !written.has(node.id))
    .sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x)
    .map((node) => (node.kind === "topic" ? node.config.topicName.trim() : ""))
    .filter((name) => name !== "");
  return [...new Set(names)];
}

/** What the server is asked to read, or the sentence saying what to fix first. */
export function sourceFromDraft(
  draft: TSourceDraft,
): { ok: true; source: TDryRunSource } | { ok: false; sentence: string } {
  if (draft.type === "latest") {
    const perTopic = wholeNumber(draft.perTopic);
    if (perTopic === null || perTopic < 1 || perTopic > MAX_PER_TOPIC) {
      return { ok: false, sentence: `Read between 1 and ${MAX_PER_TOPIC.toLocaleString("en-US")} records per topic.` };
    }
    return { ok: true, source: { type: "latest", perTopic } };
  }
  if (draft.topic.trim() === "") return { ok: false, sentence: "Choose the topic to read." };
  if (draft.type === "range") {
    const partition = wholeNumber(draft.partition);
    if (partition === null) return { ok: false, sentence: "The partition is a whole number from 0." };
    const from = offset(draft.fromOffset);
    const to = offset(draft.toOffset);
    if (from === null || to === null) return { ok: false, sentence: "Offsets are whole numbers from 0." };
    if (to <= from) return { ok: false, sentence: "The end offset must be after the start offset." };
    return {
      ok: true,
      source: {
        type: "range",
        topic: draft.topic.trim(),
        partition,
        fromOffset: from.toString(),
        toOffset: to.toString(),
      },
    };
  }
  const records = draft.rows
    .filter((row) => row.key.trim() !== "" || row.value.trim() !== "")
    .map((row) => ({ key: row.key === "" ? null : row.key, value: row.value }));
  if (records.length === 0) return { ok: false, sentence: "Type at least one record (a key and a value)." };
  if (records.length > 1_000) return { ok: false, sentence: "Type at most 1,000 records." };
  return { ok: true, source: { type: "typed", topic: draft.topic.trim(), records } };
}

/** The "Reading telemetry.raw…" line shown while a run is under way. */
export function readingSentence(draft: TSourceDraft, document: TPipelineDocument): string {
  if (draft.type === "typed") return `Running ${draft.topic || "the typed records"} through the steps…`;
  if (draft.type === "range")
    return `Reading ${draft.topic} partition ${draft.partition}, offsets ${draft.fromOffset}–${draft.toOffset}…`;
  const topics = sourceTopics(document);
  return topics.length === 0 ? "Reading the source topics…" : `Reading ${topics.join(", ")}…`;
}

function wholeNumber(text: string): number | null {
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null;
}

function offset(text: string): bigint | null {
  return /^\d{1,19}$/.test(text.trim()) ? BigInt(text.trim()) : null;
}
