import "server-only";
import type { TRebalancePage } from "~/domain/groups/rebalance-record";
import { listRebalances } from "~/server/db/rebalances";
import { getCluster } from "../clusters/registered-clusters";

/** The stored rebalances of one group, newest first; page 1 is the newest. */
export async function listGroupRebalances(input: {
  clusterId: string;
  groupId: string;
  page: number;
  pageSize: number;
}): Promise<TRebalancePage> {
  await getCluster(input.clusterId);
  return listRebalances({
    clusterId: input.clusterId,
    groupId: input.groupId,
    skip: (input.page - 1) * input.pageSize,
    take: input.pageSize,
  });
}
