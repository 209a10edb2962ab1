import "server-only";
import { deployedSteps, type TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import { stepGroupId } from "~/domain/pipelines/runtime/naming";
import type { TRuntimeOverlay, TStepRuntime } from "~/domain/pipelines/runtime/runtime-dto";
import { findDeployment, toDeploymentDto, type TDeploymentRow } from "~/server/db/pipeline-deployments";
import { listMembers, listRunners, type TMemberRow, type TRunnerRow } from "~/server/db/pipeline-runners";
import { getCluster } from "../../clusters/registered-clusters";
import { edgeRates } from "./edge-rates";
import { sumRates, type MemberRateTracker, type TMemberRates } from "./member-rates";
import { isGone, runnerViews, toRunnerDto } from "./runner-views";
import { readStepLags } from "./step-lag";
import { stepRuntime } from "./step-runtime";

export type TPipelineRef = { clusterId: string; pipelineId: string };

/** The pipeline's deployment on this cluster, or null when it was never deployed (there). */
export async function deploymentOn(ref: TPipelineRef): Promise<TDeploymentRow | null> {
  const deployment = await findDeployment(ref.pipelineId);
  return deployment?.clusterId === ref.clusterId ? deployment : null;
}

/** One deployment's steps with their runtime and summed rates: what the overlay and the step samples share. */
export type TStepsNow = {
  deployment: TDeploymentRow;
  members: TMemberRow[];
  runners: TRunnerRow[];
  steps: Map<string, { step: TDeployedStep; runtime: TStepRuntime; rates: TMemberRates }>;
};

/**
 * Reads a deployment's steps now: member rows and runners from PostgreSQL, lag and partition counts
 * from Kafka, rates from `tracker` (which remembers this read for the next one).
 */
export async function readSteps(deployment: TDeploymentRow, tracker: MemberRateTracker): Promise<TStepsNow> {
  const cluster = await getCluster(deployment.clusterId);
  const deployed = deployedSteps(deployment.document);
  const groupIdOf = (nodeId: string) => stepGroupId(deployment.slug, nodeId);
  const [members, runners, lags] = await Promise.all([
    listMembers(deployment.id),
    listRunners(),
    readStepLags(
      cluster,
      deployed.map((step) => ({ groupId: groupIdOf(step.nodeId), inputTopic: step.inputTopic })),
    ),
  ]);
  const now = Date.now();
  const rates = tracker.observe(deployment.id, members, now);
  const views = runnerViews(runners, now);
  const steps: TStepsNow["steps"] = new Map();
  for (const step of deployed) {
    const groupId = groupIdOf(step.nodeId);
    const lag = lags.get(groupId);
    const built = stepRuntime({
      step,
      groupId,
      desiredState: deployment.desiredState,
      members: members.filter((member) => member.nodeId === step.nodeId),
      runners: views,
      rates,
      lag: lag?.lag ?? null,
      inputPartitions: lag?.inputPartitions ?? null,
    });
    steps.set(step.nodeId, { step, ...built });
  }
  return { deployment, members, runners, steps };
}

/** The overlay of `ref` now; `primed`: rates were unknown before this read (the first for this deployment). */
export async function readOverlay(
  ref: TPipelineRef,
  tracker: MemberRateTracker,
): Promise<{ overlay: TRuntimeOverlay; primed: boolean }> {
  const deployment = await deploymentOn(ref);
  if (!deployment) {
    const now = Date.now();
    const runners = (await listRunners()).filter((runner) => runner.stoppedAt === null && !isGone(runner, now));
    const overlay: TRuntimeOverlay = {
      pipelineId: ref.pipelineId,
      at: new Date(now),
      deployment: null,
      steps: {},
      edges: {},
      deadLetter: null,
      runners: runners.map((runner) => toRunnerDto(runner, 0, now)),
    };
    return { overlay, primed: false };
  }
  const primed = !tracker.knows(deployment.id);
  const { members, runners, steps } = await readSteps(deployment, tracker);
  const now = Date.now();
  const membersOn = (runnerId: string) => members.filter((member) => member.runnerId === runnerId).length;
  const stepList = [...steps.values()];
  const total = sumRates(stepList.map((step) => step.rates));
  const deadLetterTopic = deployment.document.settings.deadLetterTopic;
  const overlay: TRuntimeOverlay = {
    pipelineId: ref.pipelineId,
    at: new Date(now),
    deployment: toDeploymentDto(deployment),
    steps: Object.fromEntries(stepList.map(({ runtime }) => [runtime.nodeId, runtime])),
    edges: edgeRates(deployment.document, steps),
    deadLetter:
      deadLetterTopic === null
        ? null
        : {
            topic: deadLetterTopic,
            rate: total.deadLettered,
            total: stepList.reduce((sum, { runtime }) => sum + runtime.deadLettered, 0),
          },
    // Every runner that could take this pipeline's partitions, and any gone one that still holds some.
    runners: runners
      .filter((runner) => (runner.stoppedAt === null && !isGone(runner, now)) || membersOn(runner.id) > 0)
      .map((runner) => toRunnerDto(runner, membersOn(runner.id), now)),
  };
  return { overlay, primed: primed && members.length > 0 };
}
