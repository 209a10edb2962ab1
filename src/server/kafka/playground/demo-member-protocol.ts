import "server-only";
import { z } from "zod";
import type { TSerializableKafkaConfig } from "../connection/kafka-config";

/**
 * The IPC messages between the server and a demo member's process (demo-member.mjs). The child's
 * messages are parsed, not trusted: a message that does not fit is ignored.
 */

/** kafkajs client settings for the member: everything the cluster needs to connect, secrets included. */
export type TDemoClientConfig = TSerializableKafkaConfig & {
  clientId: string;
  connectionTimeout: number;
  requestTimeout: number;
};

/** What a member needs to start; sent once, right after the process says it is ready. */
export type TDemoMemberStart = {
  client: TDemoClientConfig;
  groupId: string;
  topic: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxWaitTimeMs: number;
  processingDelayMs: number;
};

export type TParentMessage = { type: "start"; member: TDemoMemberStart } | { type: "leave" };

const ZAssignment = z.array(z.object({ topic: z.string(), partitions: z.array(z.number().int()) }));

export const ZChildMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("joined"), memberId: z.string(), assignment: ZAssignment }),
  z.object({ type: z.literal("generation"), generationId: z.number().int() }),
  z.object({ type: z.literal("crashed"), message: z.string().max(1_000) }),
  z.object({ type: z.literal("left") }),
]);

/** A report from a demo member's process. */
export type TChildMessage = z.infer<typeof ZChildMessage>;
