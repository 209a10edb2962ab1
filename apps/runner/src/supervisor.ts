/**
 * Turns the deployments' desired state into running members on this runner. Each step of a
 * running deployment gets `settings.instances` members here — instances per runner, so N runners
 * run N × instances members of each step's group and Kafka shares the partitions among them all.
 * A redeploy restarts only the steps whose fingerprint changed; unchanged ones keep running and
 * report the new revision. Stopped deployments and removed steps stop their members.
 */
import { deployedSteps } from "~/domain/pipelines/runtime/deployed-steps";
import type { TDeploymentRow } from "~/server/db/pipeline-deployments";
import type { TMemberReport } from "~/server/db/pipeline-runners";
import { superviseMember, type TMemberEnvironment, type TSupervisedMember } from "./supervised-member";

export type TSupervisor = {
  /** Brings this runner's members in line with `deployments` (all of them, as listDeployments reads them). */
  reconcile(deployments: readonly TDeploymentRow[]): Promise<void>;
  /** One report per member, plus a stopped one per step instance of each stopped deployment. */
  reports(): TMemberReport[];
  stopAll(): Promise<void>;
};

type TWanted = { deployment: TDeploymentRow; step: ReturnType<typeof deployedSteps>[number]; instance: number };

const memberKey = (deploymentId: string, nodeId: string, instance: number) => `${deploymentId}/${nodeId}/${instance}`;

export function supervisor(environment: TMemberEnvironment): TSupervisor {
  const members = new Map<string, TSupervisedMember>();
  let stoppedReports: TMemberReport[] = [];

  const stopMembers = (keys: readonly string[]) =>
    Promise.all(
      keys.map(async (key) => {
        const member = members.get(key);
        members.delete(key);
        await member?.stop();
      }),
    );

  return {
    async reconcile(deployments) {
      const wanted = new Map<string, TWanted>();
      for (const deployment of deployments) {
        if (deployment.desiredState !== "running") continue;
        for (const step of deployedSteps(deployment.document)) {
          for (let instance = 0; instance < deployment.document.settings.instances; instance++) {
            wanted.set(memberKey(deployment.id, step.nodeId, instance), { deployment, step, instance });
          }
        }
      }
      // Stop first, then start: a restarted step's new member must not share its transactional
      // ids with the old one still running.
      const leaving = [...members].flatMap(([key, member]) =>
        wanted.get(key)?.step.fingerprint === member.fingerprint ? [] : [key],
      );
      await stopMembers(leaving);
      for (const [key, plan] of wanted) {
        const member = members.get(key);
        if (member) member.setRevision(plan.deployment.revision);
        else members.set(key, superviseMember(plan, environment));
      }
      stoppedReports = deployments
        .filter((deployment) => deployment.desiredState === "stopped")
        .flatMap((deployment) =>
          deployedSteps(deployment.document).flatMap((step) =>
            Array.from({ length: deployment.document.settings.instances }, (_, instance) =>
              stoppedReport(deployment, step.nodeId, instance),
            ),
          ),
        );
    },
    reports: () => [...[...members.values()].map((member) => member.report()), ...stoppedReports],
    async stopAll() {
      await stopMembers([...members.keys()]);
      stoppedReports = [];
    },
  };
}

function stoppedReport(deployment: TDeploymentRow, nodeId: string, instance: number): TMemberReport {
  return {
    deploymentId: deployment.id,
    nodeId,
    instance,
    revision: deployment.revision,
    state: "stopped",
    reason: null,
    memberId: null,
    partitions: [],
    consumed: 0,
    produced: 0,
    deadLettered: 0,
    portCounts: {},
  };
}
