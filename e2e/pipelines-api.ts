/**
 * Pipelines made through the tRPC API as the signed-in account (what the editor's Save does), so a
 * spec can start from a known document; and the documents the pipeline specs share.
 */
import { expect, type Page } from "@playwright/test";
import type { TPipelineDocumentInput } from "../src/domain/pipelines/document";
import { trpcMutation } from "./fixtures";

type TDetail = { id: string; version: number; revision: number };

async function detailFrom(response: Awaited<ReturnType<typeof trpcMutation>>): Promise<TDetail> {
  expect(response.ok(), await response.text()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: TDetail } } };
  return body.result.data.json;
}

export async function createPipeline(page: Page, clusterId: string, name: string): Promise<TDetail> {
  return detailFrom(await trpcMutation(page, "pipelines.create", { clusterId, name, template: "blank" }));
}

export async function savePipeline(
  page: Page,
  clusterId: string,
  pipeline: TDetail,
  document: TPipelineDocumentInput,
): Promise<TDetail> {
  return detailFrom(
    await trpcMutation(page, "pipelines.save", {
      clusterId,
      pipelineId: pipeline.id,
      baseVersion: pipeline.version,
      document,
      cause: "save",
    }),
  );
}

export async function removePipeline(page: Page, clusterId: string, pipelineId: string): Promise<void> {
  await trpcMutation(page, "pipelines.remove", { clusterId, pipelineId });
}

/** The seeds' chain: raw → clean (drop malformed, coerce value) → clean topic → z-score per key → results. */
export function telemetryChain(
  name: string,
  topics: { raw: string; clean: string; results: string; deadLetters: string },
  threshold = 3,
  /** Whether the cleaning coerces `value` to a number (without it, a value sent as text reaches the model as text). */
  coerceValue = true,
): TPipelineDocumentInput {
  return {
    name,
    settings: { deadLetterTopic: topics.deadLetters },
    nodes: [
      { id: "raw", kind: "topic", position: { x: 0, y: 0 }, config: { topicName: topics.raw } },
      {
        id: "clean-1",
        kind: "clean",
        position: { x: 260, y: 0 },
        config: { dropMalformed: true, coerce: coerceValue ? [{ field: "value", to: "number" }] : [] },
      },
      { id: "clean-topic", kind: "topic", position: { x: 520, y: 0 }, config: { topicName: topics.clean } },
      {
        id: "model-1",
        kind: "model",
        position: { x: 780, y: 0 },
        config: { method: { type: "zscore", field: "value", windowSize: 20, threshold } },
      },
      { id: "results", kind: "topic", position: { x: 1040, y: 0 }, config: { topicName: topics.results } },
    ],
    edges: [
      { id: "e-raw-clean", source: "raw", target: "clean-1" },
      { id: "e-clean-topic", source: "clean-1", target: "clean-topic" },
      { id: "e-topic-model", source: "clean-topic", target: "model-1" },
      { id: "e-model-results", source: "model-1", target: "results" },
    ],
  };
}
