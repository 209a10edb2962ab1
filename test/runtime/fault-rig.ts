import kafkajs from "kafkajs";
import { expect } from "vitest";
import type { TCluster } from "~/domain/cluster";
import type { TDeliveryMode, TPipelineDocument } from "~/domain/pipelines/document";
import { deployedSteps } from "~/domain/pipelines/runtime/deployed-steps";
import { pipelineSlug, RUNTIME_PREFIX, stepGroupId } from "~/domain/pipelines/runtime/naming";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { writeDeployment } from "~/server/db/pipeline-deployments";
import { listMembers, type TMemberRow } from "~/server/db/pipeline-runners";
import { insertPipeline } from "~/server/db/pipelines";
import { compareIds } from "./id-ledger";
import { startOutputCollector, type TOutputCollector } from "./output-collector";
import { startRunnerProcess, type TRunnerProcess } from "./runner-process";
import { stepsCaughtUp, type TStepGroup } from "./step-progress";

/**
 * Everything one fault test sets up on a real cluster and a real database, and takes down again:
 * a registered cluster, its topics (all named `<prefix>-…`), a deployed pipeline (the rows the
 * deploy service writes), runner processes, and downstream readers.
 */
/** What the delivery mode promises, on the ids in and out: none lost; for exactly-once, none duplicated either. */
export function expectDeliveredAsPromised(
  deliveryMode: TDeliveryMode,
  expected: readonly number[],
  received: ReadonlyMap<number, number>,
): void {
  const comparison = compareIds(expected, received);
  if (deliveryMode === "exactly-once") {
    expect(comparison).toMatchObject({
      lostCount: 0,
      duplicatedCount: 0,
      unexpectedCount: 0,
      received: expected.length,
    });
  } else {
    expect(comparison).toMatchObject({ lostCount: 0, unexpectedCount: 0 });
  }
}

export type TDeployed = { pipelineId: string; deploymentId: string; slug: string; steps: TStepGroup[] };

export type TTopicSpec = { partitions: number; replicationFactor?: number; configs?: Record<string, string> };

export class FaultRig {
  readonly kafka: kafkajs.Kafka;
  readonly admin: kafkajs.Admin;
  private readonly runners: TRunnerProcess[] = [];
  private readonly collectors: TOutputCollector[] = [];
  private readonly deployments: TDeployed[] = [];
  private producer: kafkajs.Producer | null = null;

  private constructor(
    readonly prefix: string,
    readonly cluster: TCluster,
    brokers: string,
  ) {
    this.kafka = new kafkajs.Kafka({
      clientId: prefix,
      brokers: brokers.split(","),
      logLevel: kafkajs.logLevel.NOTHING,
      retry: { retries: 20 },
    });
    this.admin = this.kafka.admin();
  }

  static async open(prefix: string, brokers: string): Promise<FaultRig> {
    const rig = new FaultRig(prefix, await upsertClusterByName(`${prefix}-cluster`, brokers), brokers);
    await rig.admin.connect();
    return rig;
  }

  async createTopics(names: readonly string[], spec: TTopicSpec): Promise<void> {
    await this.admin.createTopics({
      // kafkajs's own wait fails when a KRaft broker has not applied the new topics yet; wait below instead.
      waitForLeaders: false,
      topics: names.map((topic) => ({
        topic,
        numPartitions: spec.partitions,
        replicationFactor: spec.replicationFactor ?? 1,
        configEntries: Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
    await expect
      .poll(async () => {
        const { topics } = await this.admin.fetchTopicMetadata({ topics: [...names] }).catch(() => ({ topics: [] }));
        return (
          topics.length === names.length &&
          topics.every(
            (topic) =>
              topic.partitions.length === spec.partitions &&
              topic.partitions.every((partition) => partition.leader >= 0),
          )
        );
      })
      .toBe(true);
  }

  async produce(topic: string, messages: ReadonlyArray<{ key: string; value: string; timestamp?: string }>) {
    this.producer ??= this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await this.producer.connect();
    for (let start = 0; start < messages.length; start += 2_000) {
      await this.producer.send({ topic, acks: -1, messages: messages.slice(start, start + 2_000) });
    }
  }

  /** What the deploy service writes: the pipeline and its deployment (revision 1, running); runners are notified. */
  async deploy(document: TPipelineDocument): Promise<TDeployed> {
    const pipeline = await insertPipeline(this.cluster.id, document, "create", "fault test");
    const slug = pipelineSlug(document.name);
    const deployment = await writeDeployment({
      pipelineId: pipeline.id,
      clusterId: this.cluster.id,
      slug,
      revision: 1,
      document,
      deployedBy: "fault test",
    });
    const isExactlyOnce = document.settings.deliveryMode === "exactly-once";
    const written = new Set(deployedSteps(document).flatMap((step) => Object.values(step.outputTopics)));
    const steps = deployedSteps(document).flatMap((step) =>
      step.inputTopic === null
        ? []
        : [
            {
              groupId: stepGroupId(slug, step.nodeId),
              topic: step.inputTopic,
              isTransactional: isExactlyOnce && written.has(step.inputTopic),
            },
          ],
    );
    const deployed = { pipelineId: pipeline.id, deploymentId: deployment.id, slug, steps };
    this.deployments.push(deployed);
    return deployed;
  }

  async startRunner(): Promise<TRunnerProcess> {
    const runner = await startRunnerProcess();
    this.runners.push(runner);
    return runner;
  }

  async collect(topic: string, options: { keep?: boolean } = {}): Promise<TOutputCollector> {
    const groupId = `${this.prefix}-reader-${this.collectors.length}`;
    const collector = await startOutputCollector(this.kafka, topic, { groupId, keep: options.keep });
    this.collectors.push(collector);
    return collector;
  }

  /** Waits until every step of `deployed` has a running member holding partitions, as runners report them. */
  async membersRunning(deployed: TDeployed, accept: (members: TMemberRow[]) => boolean = () => true) {
    await expect
      .poll(
        async () => {
          const members = await listMembers(deployed.deploymentId);
          const everyStepRuns = deployed.steps.every((step) =>
            members.some(
              (member) => stepGroupId(deployed.slug, member.nodeId) === step.groupId && member.state === "running",
            ),
          );
          return everyStepRuns && accept(members);
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBe(true);
  }

  /**
   * Waits for the end of the work: every step committed up to the end of its input, then every
   * reader read up to the end of its topic. Past that, no record is on its way.
   */
  async settled(deployed: TDeployed, readers: readonly TOutputCollector[], timeout = 400_000): Promise<void> {
    await expect.poll(() => stepsCaughtUp(this.admin, deployed.steps), { timeout, interval: 500 }).toBe(true);
    for (const reader of readers) {
      const ends = await this.admin.fetchTopicOffsets(reader.topic);
      await expect.poll(() => reader.hasReached(ends), { timeout: 60_000, interval: 100 }).toBe(true);
    }
  }

  /** What the runners printed and reported, for a failing test's message. */
  async diagnostics(): Promise<string> {
    const reports: string[] = [];
    for (const deployed of this.deployments) {
      for (const member of await listMembers(deployed.deploymentId).catch(() => [])) {
        reports.push(
          `${deployed.slug} ${member.nodeId}#${member.instance} on ${member.runnerId}: ${member.state} ${member.reason ?? ""}, partitions [${member.partitions.join(",")}], consumed ${member.consumed}, produced ${member.produced}`,
        );
      }
    }
    const outputs = this.runners.map((runner) => `runner ${runner.id} (pid ${runner.pid}):\n${runner.output()}`);
    return [...reports, ...outputs].join("\n");
  }

  /** Runs a test's body on a new rig; when it fails, prints what the runners said; always closes. */
  static async run(prefix: string, brokers: string, body: (rig: FaultRig) => Promise<void>): Promise<void> {
    const rig = await FaultRig.open(prefix, brokers);
    try {
      await body(rig);
    } catch (error) {
      console.error(`${prefix} failed; the runners' side:\n${await rig.diagnostics()}`);
      throw error;
    } finally {
      await rig.close();
    }
  }

  /** Runners leave gracefully (SIGKILL if not within the grace), readers disconnect, and every name this test made is deleted. */
  async close(): Promise<void> {
    await Promise.allSettled(this.runners.map((runner) => runner.stop()));
    await Promise.allSettled(this.collectors.map((collector) => collector.stop()));
    await this.producer?.disconnect();
    await deleteClusterRecord(this.cluster.id);
    const topics = (await this.admin.listTopics()).filter(
      (topic) =>
        topic.startsWith(this.prefix) ||
        this.deployments.some(({ slug }) => topic.startsWith(`${RUNTIME_PREFIX}${slug}.`)),
    );
    if (topics.length > 0) await this.admin.deleteTopics({ topics }).catch(() => undefined);
    const { groups } = await this.admin.listGroups();
    const ours = groups
      .map((group) => group.groupId)
      .filter(
        (id) =>
          id.startsWith(this.prefix) || this.deployments.some(({ slug }) => id.startsWith(`${RUNTIME_PREFIX}${slug}.`)),
      );
    if (ours.length > 0) await this.admin.deleteGroups(ours).catch(() => undefined);
    await this.admin.disconnect();
  }
}
