import "server-only";
import type { z } from "zod";
import { HEADER_STEP } from "~/domain/pipelines/runtime/naming";
import type { TDeadLetterRecord, TReplayResult } from "~/domain/pipelines/runtime/runtime-dto";
import type { ZDeadLettersInput, ZReplayDeadLettersInput } from "~/domain/pipelines/runtime/runtime-requests";
import { AppError } from "~/lib/app-error";
import { withMetadata } from "~/server/kafka/client-registry";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { audited, recordRead, type TAuditActor } from "../audit/audited";
import { getCluster, refuseReadOnly } from "../clusters/registered-clusters";
import { readNewest, scanForward } from "./dead-letters/dead-letter-reads";
import { headerText, toDeadLetterRecord } from "./dead-letters/dead-letter-record";
import { deadLetterSource, deployedStep } from "./dead-letters/dead-letter-source";
import { collectStepRecords, produceReplays } from "./dead-letters/replay-records";

/** The newest records of the pipeline's dead-letter topic (a read of message data: audited like a browse). */
export async function readDeadLetters(
  ctx: TAuditActor,
  input: z.infer<typeof ZDeadLettersInput>,
): Promise<TDeadLetterRecord[]> {
  const cluster = await getCluster(input.clusterId);
  const { deployment, deadLetterTopic } = await deadLetterSource(input);
  const { nodeId } = input;
  if (nodeId !== undefined) deployedStep(deployment, nodeId);
  const keep = (record: TFetchedRecord) => nodeId === undefined || headerText(record, HEADER_STEP) === nodeId;
  const records = await withMetadata(cluster, (internal) =>
    readNewest(internal, deadLetterTopic, input.limit, keep),
  ).catch((error: unknown) => {
    // Runners create the topic with the first dead letter: none yet is an empty list, not an error.
    if (error instanceof AppError && error.code === "NOT_FOUND") return [];
    throw error;
  });
  await recordRead({
    by: ctx,
    action: "pipeline.dead-letters",
    clusterId: cluster.id,
    target: deadLetterTopic,
    details: { pipelineId: input.pipelineId, nodeId: nodeId ?? null, limit: input.limit, count: records.length },
  });
  return records.map(toDeadLetterRecord);
}

/**
 * Produces the step's dead-lettered records back into its input topic, after a fix: the records
 * given, or every one of that step's still in the topic. Audited; refused on read-only clusters.
 */
export async function replayDeadLetters(
  ctx: TAuditActor,
  input: z.infer<typeof ZReplayDeadLettersInput>,
): Promise<TReplayResult> {
  const cluster = await getCluster(input.clusterId);
  refuseReadOnly(cluster);
  const { deployment, deadLetterTopic } = await deadLetterSource(input);
  const step = deployedStep(deployment, input.nodeId);
  const inputTopic = step.inputTopic;
  if (inputTopic === null) {
    throw new AppError(
      "BAD_INPUT",
      `Step ${step.nodeId} has no input topic in the deployed revision, so there is nowhere to replay its records.`,
      "Connect a topic to its input and deploy again.",
    );
  }
  const wanted = input.records ? wantedOffsets(input.records) : undefined;
  const details = {
    pipelineId: input.pipelineId,
    nodeId: step.nodeId,
    deadLetterTopic,
    asked: input.records?.length ?? "all",
  };
  return audited(
    { by: ctx, action: "pipeline.replay-dead-letters", cluster, target: inputTopic, details },
    async () => {
      const collected = collectStepRecords(step.nodeId);
      await withMetadata(cluster, (internal) => scanForward(internal, deadLetterTopic, collected.visit, wanted));
      if (input.records) refuseMissing(input.records, collected.records, step.nodeId, deadLetterTopic);
      const replayed = await produceReplays(cluster, inputTopic, collected.records);
      return { replayed, inputTopic };
    },
    { completion: (result) => ({ replayed: result.replayed }) },
  );
}

function wantedOffsets(records: readonly { partition: number; offset: string }[]): Map<number, bigint[]> {
  const wanted = new Map<number, bigint[]>();
  for (const { partition, offset } of records)
    wanted.set(partition, [...(wanted.get(partition) ?? []), BigInt(offset)]);
  for (const offsets of wanted.values()) offsets.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return wanted;
}

/** Every record asked for must be there and be this step's: a partial replay would be a silent one. */
function refuseMissing(
  asked: readonly { partition: number; offset: string }[],
  found: readonly TFetchedRecord[],
  nodeId: string,
  deadLetterTopic: string,
): void {
  const have = new Set(found.map((record) => `${record.partition}:${record.offset}`));
  const missing = asked.filter((record) => !have.has(`${record.partition}:${BigInt(record.offset)}`));
  if (missing.length === 0) return;
  const first = missing[0]!;
  throw new AppError(
    "NOT_FOUND",
    `${missing.length === 1 ? "Record" : `${missing.length} records, e.g.`} ${first.partition}:${first.offset} of ${deadLetterTopic} ${missing.length === 1 ? "is" : "are"} not a dead letter of step ${nodeId} still in the topic; nothing was replayed.`,
    "Retention may have deleted it, or another step dead-lettered it; reload the dead-letter list and pick again.",
  );
}
