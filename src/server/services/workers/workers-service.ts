import "server-only";
import type { TWorkerStatusDto } from "~/domain/workers";
import { listDeployments } from "~/server/db/pipeline-deployments";
import { listMembers, listRunners } from "~/server/db/pipeline-runners";
import { listLeases } from "~/server/db/worker-leases";
import { processHolderId } from "~/server/workers/process-identity";
import { workerStatuses } from "~/server/workers/worker-registry";
import { runnerWorkerRows, webWorkerRows, type TRunnerMemberRow } from "./worker-rows";

async function runnerMembers(): Promise<TRunnerMemberRow[]> {
  const [runners, deployments] = await Promise.all([listRunners(), listDeployments()]);
  const runnersById = new Map(runners.map((runner) => [runner.id, runner]));
  const perDeployment = await Promise.all(
    deployments.map(async (deployment) =>
      (await listMembers(deployment.id)).flatMap((member) => {
        const runner = runnersById.get(member.runnerId);
        return runner ? [{ ...member, runner, slug: deployment.slug }] : [];
      }),
    ),
  );
  return perDeployment.flat();
}

/**
 * Every background job of this web server, of the other web servers (their one-server jobs, by
 * lease) and of the runners (their step members). Leases and runners live in PostgreSQL: while it
 * is away the page shows the database's sentence (and asks again) rather than a partial list.
 */
export async function listWorkers(): Promise<TWorkerStatusDto[]> {
  const now = Date.now();
  const local = workerStatuses();
  const [leases, members] = await Promise.all([listLeases(), runnerMembers()]);
  const rows = [
    ...webWorkerRows(local, leases, { holderId: processHolderId() }, now),
    ...runnerWorkerRows(members, now),
  ];
  return rows.sort((a, b) => a.processKind.localeCompare(b.processKind) || a.name.localeCompare(b.name));
}
