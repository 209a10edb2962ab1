/**
 * Demo designs on the embedded default: definitions of the telemetry topics the seeds' template
 * names (layer, owner, key), and one pipeline made from that template — each only when absent, so
 * a restart changes nothing and a user's edits stay — then that pipeline marked ready and deployed
 * once. Written through the same services (and audit trail) as the web app, as "Demo data".
 */
import type { TTopicLayer } from "../../src/domain/definitions/definition";
import { AppError } from "../../src/lib/app-error";
import { ZDefinitionSaveInput } from "../../src/domain/definitions/definition-requests";
import { PIPELINE_TEMPLATES, TELEMETRY_DEAD_LETTER_TOPIC } from "../../src/domain/pipelines/templates";
import type { TAuditActor } from "../../src/server/services/audit/audited";
import { findDeployment } from "../../src/server/db/pipeline-deployments";
import { findDefinition } from "../../src/server/db/topic-definitions";
import { ensureDefaultCluster } from "../../src/server/services/clusters/registered-clusters";
import { saveDefinition } from "../../src/server/services/definitions/definitions-service";
import { topicNamesOf } from "../../src/server/services/pipelines/document-topics";
import {
  createPipeline,
  getPipeline,
  listPipelines,
  setPipelineStatus,
} from "../../src/server/services/pipelines/pipelines-service";
import { deployPipeline } from "../../src/server/services/runtime/deploy-service";

export const DEMO_PIPELINE_NAME = "Telemetry anomalies";
const DEMO_TEMPLATE = "telemetry-anomalies";

/** The simulator's topic has 6 partitions; the others match it, so every step's input is co-partitioned. */
const DEMO_PARTITIONS = 6;

const LAYERS: Record<string, TTopicLayer> = {
  "telemetry.raw": "raw",
  "telemetry.clean": "clean",
  "telemetry.anomalies": "results",
  // What cleaning could not use: raw readings, with the reason in a header.
  [TELEMETRY_DEAD_LETTER_TOPIC]: "raw",
};

/** The simulator keeps telemetry.raw for a day (apps/simulator); saying so keeps its definition in sync. */
const CONFIGS: Record<string, Record<string, string>> = { "telemetry.raw": { "retention.ms": String(24 * 3_600_000) } };

export const DEMO_ACTOR: TAuditActor = {
  actor: { id: "demo-data", name: "Demo data", role: "operator" },
  client: { ip: null, userAgent: "tributary-demo-data" },
};

/** Adds what is missing on the default cluster (or `clusterId`); returns what it added, for the log. */
export async function ensureDemoDesigns(options: { clusterId?: string; by?: TAuditActor } = {}): Promise<string[]> {
  const { by = DEMO_ACTOR } = options;
  const template = PIPELINE_TEMPLATES.find((candidate) => candidate.id === DEMO_TEMPLATE);
  if (!template) return [];
  const clusterId = options.clusterId ?? (await ensureDefaultCluster()).id;
  const added: string[] = [];
  for (const topicName of topicNamesOf(template.document(DEMO_PIPELINE_NAME))) {
    // The repository, not the service: the service also asks Kafka for drift, which nothing here needs.
    if (await findDefinition(clusterId, topicName)) continue;
    const input = ZDefinitionSaveInput.parse({
      clusterId,
      definition: {
        topicName,
        layer: LAYERS[topicName] ?? "processed",
        owner: "telemetry-team",
        description: `Demo data: part of the "${DEMO_PIPELINE_NAME}" pipeline.`,
        keyDescription: "stream id: `server-<n>-<metric>`",
        partitions: DEMO_PARTITIONS,
        replicationFactor: 1,
        configs: CONFIGS[topicName] ?? {},
      },
    });
    await saveDefinition(by, input);
    added.push(`the definition of ${topicName}`);
  }
  const pipelines = await listPipelines({ clusterId });
  if (!pipelines.some((pipeline) => pipeline.name === DEMO_PIPELINE_NAME)) {
    await createPipeline(by, { clusterId, name: DEMO_PIPELINE_NAME, description: "", template: DEMO_TEMPLATE });
    added.push(`the pipeline ${DEMO_PIPELINE_NAME}`);
  }
  return added;
}

export type TDemoDeployment = {
  name: string;
  clusterId: string;
  pipelineId: string;
  /** Deployed by this call; false when it was deployed before (running, or stopped by someone). */
  isNew: boolean;
  desiredState: "running" | "stopped";
};

/**
 * Deploys the demo pipeline the first time (marking it ready first, as a person would): its topics
 * are created from their definitions, and the runners pick it up. Once it has been deployed it is
 * left as it is — a person may have stopped it, or deployed their own revision. Null without it.
 */
export async function deployDemoPipelineOnce(
  options: { clusterId?: string; by?: TAuditActor } = {},
): Promise<TDemoDeployment | null> {
  const { by = DEMO_ACTOR } = options;
  const clusterId = options.clusterId ?? (await ensureDefaultCluster()).id;
  const summary = (await listPipelines({ clusterId })).find((pipeline) => pipeline.name === DEMO_PIPELINE_NAME);
  if (!summary) return null;
  const existing = await findDeployment(summary.id);
  if (existing)
    return {
      name: DEMO_PIPELINE_NAME,
      clusterId,
      pipelineId: summary.id,
      isNew: false,
      desiredState: existing.desiredState,
    };
  let pipeline = await getPipeline({ clusterId, pipelineId: summary.id });
  if (pipeline.status !== "ready") {
    pipeline = await setPipelineStatus(by, {
      clusterId,
      pipelineId: pipeline.id,
      baseVersion: pipeline.version,
      status: "ready",
    });
  }
  const { id: pipelineId, revision } = pipeline;
  const deployed = await whileKafkaSettles(() => deployPipeline(by, { clusterId, pipelineId, revision }));
  return {
    name: DEMO_PIPELINE_NAME,
    clusterId,
    pipelineId: pipeline.id,
    isNew: true,
    desiredState: deployed.desiredState,
  };
}

/** Refusals a retry cannot change; anything else (Kafka answering oddly) is worth another try. */
const FINAL_CODES = new Set(["BAD_INPUT", "NOT_FOUND", "CONFLICT", "FORBIDDEN", "UNAUTHENTICATED"]);
const KAFKA_SETTLE_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 8_000];

/**
 * The first `npm start` deploys seconds after a brand-new broker started: its group coordinator
 * (the __consumer_offsets topic, 50 partitions) may not be ready for the plan's offset reads yet,
 * and kafkajs then gives up with "Failed to find group coordinator". Tries again for about 20 s.
 */
async function whileKafkaSettles<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const delayMs = KAFKA_SETTLE_DELAYS_MS[attempt];
      if ((error instanceof AppError && FINAL_CODES.has(error.code)) || delayMs === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
