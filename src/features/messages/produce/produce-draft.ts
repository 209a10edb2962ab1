import type { TMessage, TPayload } from "~/domain/messages/message";
import { jsonProblem, type TProducePayload, type TProduceRequest } from "~/domain/messages/produce-request";

/**
 * The produce form's state, as typed. "json" is text that must parse; "base64" is exact bytes (how
 * a replayed binary payload is kept unchanged); "null" is Kafka's null (no key, a tombstone).
 */
export type TPayloadFormat = "json" | "text" | "base64" | "null";
export type TPayloadDraft = { format: TPayloadFormat; text: string };
export type THeaderDraft = { key: string; value: TPayloadDraft };
export type TProduceDraft = {
  key: TPayloadDraft;
  value: TPayloadDraft;
  headers: THeaderDraft[];
  /** "key" or a partition number as typed. */
  partition: string;
  repeat: string;
};

export const EMPTY_DRAFT: TProduceDraft = {
  key: { format: "text", text: "" },
  value: { format: "json", text: "{\n  \n}" },
  headers: [],
  partition: "key",
  repeat: "1",
};

/** What is wrong with a payload as typed, or null. */
export function payloadProblem(draft: TPayloadDraft): string | null {
  if (draft.format === "json") return jsonProblem(draft.text);
  if (draft.format === "base64" && !/^[A-Za-z0-9+/]*={0,2}$/.test(draft.text.replace(/\s+/g, ""))) {
    return "Base64 uses only A–Z, a–z, 0–9, + and /, with = at the end.";
  }
  return null;
}

export function toProducePayload(draft: TPayloadDraft): TProducePayload | null {
  if (draft.format === "null") return null;
  if (draft.format === "base64") return { base64: draft.text.replace(/\s+/g, "") };
  return { text: draft.text };
}

export type TDraftCheck =
  | { ok: true; request: Omit<TProduceRequest, "clusterId" | "topic"> }
  | { ok: false; problems: Partial<Record<"key" | "value" | "headers" | "partition" | "repeat", string>> };

/** Validates the whole form the way the server will, so problems show before anything is sent. */
export function checkDraft(draft: TProduceDraft, partitionCount: number): TDraftCheck {
  const problems: Partial<Record<"key" | "value" | "headers" | "partition" | "repeat", string>> = {};
  const keyProblem = payloadProblem(draft.key);
  if (keyProblem) problems.key = keyProblem;
  const valueProblem = payloadProblem(draft.value);
  if (valueProblem) problems.value = valueProblem;
  const header = draft.headers.find((candidate) => candidate.key.trim() === "" || payloadProblem(candidate.value));
  if (header)
    problems.headers =
      header.key.trim() === "" ? "A header needs a name." : `Header ${header.key}: ${payloadProblem(header.value)}`;
  const partition = draft.partition === "key" ? "key" : Number(draft.partition);
  if (partition !== "key" && !(Number.isInteger(partition) && partition >= 0 && partition < partitionCount)) {
    problems.partition = `Choose a partition from 0 to ${partitionCount - 1}.`;
  }
  const repeat = Number(draft.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 1_000) problems.repeat = "Repeat 1 to 1,000 times.";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: {
      key: toProducePayload(draft.key),
      value: toProducePayload(draft.value),
      headers: draft.headers.map((h) => ({ key: h.key, value: toProducePayload(h.value) })),
      partition: partition as "key" | number,
      repeat,
    },
  };
}

/**
 * A draft that re-sends `message` byte for byte when left unedited: UTF-8 payloads become editable
 * text (JSON when it parses), anything else stays base64.
 */
export function draftFromMessage(message: TMessage): TProduceDraft {
  return {
    key: draftFromPayload(message.key, "text"),
    value: draftFromPayload(message.value, "json"),
    headers: message.headers.map((header) => ({ key: header.key, value: draftFromPayload(header.value, "text") })),
    partition: String(message.partition),
    repeat: "1",
  };
}

function draftFromPayload(payload: TPayload | null, textFormat: "json" | "text"): TPayloadDraft {
  if (payload === null) return { format: "null", text: "" };
  const bytes = Uint8Array.from(atob(payload.base64), (char) => char.charCodeAt(0));
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    const format = textFormat === "json" && text.trim() !== "" && jsonProblem(text) === null ? "json" : "text";
    return { format, text };
  } catch {
    return { format: "base64", text: payload.base64 };
  }
}
