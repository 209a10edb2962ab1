/**
 * One instance of one deployed step on this runner, kept alive: it prepares what the step needs
 * (cluster, changelog topic, schemas, models, tables), joins the step's consumer group through
 * the Kafka step member, and when anything fails it says why and tries again after 5 s, 10 s,
 * 20 s… up to a minute. Its state is what the heartbeat reports: starting until Kafka assigns it
 * partitions (or none: an idle member), running, failed with the sentence, stopped.
 */
import { keepsState, type TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import { changelogTopic, stepGroupId, transactionalId } from "~/domain/pipelines/runtime/naming";
import type { TStepState } from "~/domain/pipelines/runtime/runtime-dto";
import { StepConfigError } from "~/domain/pipelines/step-types";
import type { TDeploymentRow } from "~/server/db/pipeline-deployments";
import type { TMemberReport } from "~/server/db/pipeline-runners";
import { ensureChangelogTopic, startStepMember } from "~/server/kafka/runtime/step-member";
import type { TStepMember } from "~/server/kafka/runtime/step-member-types";
import { readTopicLayout } from "~/server/kafka/topics/topic-layout";
import { getCluster } from "~/server/services/clusters/registered-clusters";
import { lookupTopicSchema } from "~/server/services/messages/schemas/topic-schema";
import type { TEnrichTables } from "./enrich-tables";
import { openPartition } from "./open-partition";
import type { TMemberCounts, TPartitionContext } from "./partition-processor";
import { retryDelayMs } from "./retry-delay";
import { buildStep } from "./build-step";
import { sharedHost } from "./step-host";
import { sentenceOf } from "./sentence-of";

export type TMemberPlan = { deployment: TDeploymentRow; step: TDeployedStep; instance: number };

export type TMemberEnvironment = {
  /** `<host>:<pid>`, in the client id Kafka shows in the group's member list. */
  runnerLabel: string;
  tables: TEnrichTables;
  log: (line: string) => void;
};

export type TSupervisedMember = {
  readonly fingerprint: string;
  /** A redeploy that left this step unchanged: keep running, stamp and report the new revision. */
  setRevision(revision: number): void;
  report(): TMemberReport;
  /** Leaves the group gracefully (the member commits what it wrote) and stops retrying. */
  stop(): Promise<void>;
};

/** A member that ran this long before failing starts its back-off from 5 s again. */
const STABLE_AFTER_MS = 60_000;
/** Problems of single records (dropped dead letters) are logged at most this often per member. */
const PROBLEM_LOG_EVERY_MS = 10_000;

export function superviseMember(plan: TMemberPlan, environment: TMemberEnvironment): TSupervisedMember {
  const { deployment, step, instance } = plan;
  const { log } = environment;
  const slug = deployment.slug;
  const title = `Step ${step.nodeId} of ${deployment.document.name}`;
  const counts: TMemberCounts = { consumed: 0, produced: 0, deadLettered: 0, portCounts: {} };
  let revision = deployment.revision;
  let state: TStepState = "starting";
  let reason: string | null = null;
  let partitions: number[] = [];
  let memberId: string | null = null;
  let member: TStepMember | null = null;
  let attempt: Promise<void> | null = null;
  /** Bumped per start: callbacks of an earlier, failed member are ignored. */
  let generation = 0;
  let stopping = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let failures = 0;
  let runningSince: number | null = null;
  let abort = new AbortController();
  let heldTable: { clusterId: string; topic: string } | null = null;
  let problemLoggedAt = 0;
  let problemsUnlogged = 0;

  const releaseTable = () => {
    if (heldTable) environment.tables.release(heldTable.clusterId, heldTable.topic);
    heldTable = null;
  };

  const onProblem = (sentence: string) => {
    const now = Date.now();
    if (now - problemLoggedAt < PROBLEM_LOG_EVERY_MS) {
      problemsUnlogged++;
      return;
    }
    const more = problemsUnlogged > 0 ? ` (and ${problemsUnlogged} more since the last such line)` : "";
    log(`${title}: ${sentence}${more}`);
    problemLoggedAt = now;
    problemsUnlogged = 0;
  };

  const assigned = (current: number, held: number[], id: string) => {
    if (current !== generation || stopping) return;
    const sorted = [...held].sort((a, b) => a - b);
    const first = state !== "running";
    // A member kafkajs restarted after a coordinator error rejoins under a new member id.
    memberId = id;
    if (!first && sorted.join() === partitions.join()) return;
    state = "running";
    reason = null;
    partitions = sorted;
    if (first) runningSince = Date.now();
    const holds =
      sorted.length === 0
        ? "holds no partition (idle: the group has more members than the input topic has partitions)"
        : `holds partition${sorted.length === 1 ? "" : "s"} ${sorted.join(", ")}`;
    log(`${title} ${first ? `runs revision ${revision}` : "rebalanced"} (instance ${instance}): ${holds}.`);
  };

  const failed = (current: number, sentence: string) => {
    if (current !== generation || stopping) return;
    generation++;
    const stale = member;
    member = null;
    // The member stopped itself; stop() again only makes sure (a failure raised before it ran).
    stale?.stop().catch(() => undefined);
    abort.abort();
    releaseTable();
    if (runningSince !== null && Date.now() - runningSince >= STABLE_AFTER_MS) failures = 0;
    runningSince = null;
    failures++;
    const delay = retryDelayMs(failures);
    state = "failed";
    reason = sentence;
    partitions = [];
    memberId = null;
    log(`${title} (revision ${revision}, instance ${instance}) failed: ${sentence} Trying again in ${delay / 1000} s.`);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      attempt = start();
    }, delay);
  };

  const start = async () => {
    const current = ++generation;
    state = "starting";
    abort = new AbortController();
    try {
      const cluster = await getCluster(deployment.clusterId);
      if (!step.inputTopic) {
        throw new StepConfigError("This step has no input topic: connect a topic to its input and deploy again.");
      }
      const layout = await readTopicLayout(cluster, step.inputTopic);
      if (keepsState(step)) {
        const topic = changelogTopic(slug, step.nodeId);
        await ensureChangelogTopic(cluster, topic, layout.partitions, layout.replicationFactor);
      }
      if (step.tableTopic && !heldTable) {
        heldTable = { clusterId: cluster.id, topic: step.tableTopic };
        await environment.tables.acquire(cluster, step.tableTopic);
      }
      const host = await sharedHost(cluster, deployment.document, step, environment.tables);
      // Built once before joining: a bad config fails here with its sentence, not at every assignment.
      buildStep(step, host);
      if (current !== generation || stopping) return;
      const inputTopic = step.inputTopic;
      const context: TPartitionContext = {
        inputTopic: step.inputTopic,
        inputCodec: () => lookupTopicSchema(cluster.id, inputTopic).then((schema) => schema.codec),
        outputTopics: step.outputTopics,
        deadLetterTopic: deployment.document.settings.deadLetterTopic,
        origin: () => ({ pipelineId: deployment.pipelineId, revision, nodeId: step.nodeId }),
        counts,
        onProblem,
      };
      const signal = abort.signal;
      const started = await startStepMember({
        cluster,
        groupId: stepGroupId(slug, step.nodeId),
        clientId: `tributary-runner ${environment.runnerLabel} #${instance}`,
        inputTopic: step.inputTopic,
        startFrom: deployment.document.settings.startFrom,
        exactlyOnce: deployment.document.settings.deliveryMode === "exactly-once",
        transactionalIdFor: (partition) => transactionalId(slug, step.nodeId, partition),
        openPartition: (partition) => openPartition({ cluster, slug, step, host, context, signal }, partition),
        onAssignment: (held, id) => assigned(current, held, id),
        onFailure: (sentence) => failed(current, sentence),
      });
      if (current !== generation || stopping) {
        await started.stop();
        return;
      }
      member = started;
    } catch (error) {
      failed(current, sentenceOf(error, "The step failed without saying why."));
    }
  };

  attempt = start();

  return {
    fingerprint: step.fingerprint,
    setRevision(next) {
      if (next === revision) return;
      log(`${title} is unchanged in revision ${next}: it keeps running (was revision ${revision}).`);
      revision = next;
    },
    report: () => ({
      deploymentId: deployment.id,
      nodeId: step.nodeId,
      instance,
      revision,
      state,
      reason,
      memberId,
      partitions,
      consumed: counts.consumed,
      produced: counts.produced,
      deadLettered: counts.deadLettered,
      portCounts: { ...counts.portCounts },
    }),
    async stop() {
      stopping = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      // Ends a changelog restore in progress: the member is leaving anyway.
      abort.abort();
      await attempt;
      const running = member;
      member = null;
      try {
        await running?.stop();
      } catch (error) {
        log(`${title} (instance ${instance}) did not leave its group cleanly: ${sentenceOf(error)}`);
      }
      releaseTable();
      state = "stopped";
      reason = null;
      partitions = [];
      memberId = null;
      log(`${title} stopped (revision ${revision}, instance ${instance}).`);
    },
  };
}
