import "server-only";
import type { TGroupDetail } from "~/domain/groups/group-dto";
import {
  filterGroupIds,
  pageGroupIdsByName,
  pageGroups,
  sortNeedsDetails,
  type TGroupListPage,
  type TGroupListQuery,
} from "~/domain/groups/group-list-query";
import { AppError } from "~/lib/app-error";
import { listGroups } from "~/server/kafka/groups/describe-groups";
import { getCluster } from "../clusters/registered-clusters";
import { currentGeneration } from "./group-generations";
import { snapshotGroups, toSummary } from "./group-snapshots";

/**
 * One page of consumer groups with lag. Sorted by name, only the page's groups are described and
 * their offsets read; sorting by state, members or lag needs them all, which costs one OffsetFetch
 * per matching group.
 */
export async function listGroupPage(query: TGroupListQuery): Promise<TGroupListPage> {
  const cluster = await getCluster(query.clusterId);
  const listed = await listGroups(cluster);
  const byId = new Map(listed.map((group) => [group.groupId, group]));
  const matching = filterGroupIds(
    listed.map((group) => group.groupId),
    query.search,
  );
  const wanted = sortNeedsDetails(query.sort) ? matching : pageGroupIdsByName(matching, query);
  const { details } = await snapshotGroups(
    cluster,
    wanted.map((groupId) => byId.get(groupId) ?? { groupId, protocolType: "", type: null, state: null }),
  );
  const items = pageGroups(details.map(toSummary), sortNeedsDetails(query.sort) ? query : { ...query, page: 1 });
  return { total: matching.length, page: query.page, pageSize: query.pageSize, items };
}

/** One group's members, assignment and lag right now; NOT_FOUND when no broker knows the group. */
export async function describeGroup(clusterId: string, groupId: string): Promise<TGroupDetail> {
  const cluster = await getCluster(clusterId);
  const listed = await listGroups(cluster);
  const found = listed.find((group) => group.groupId === groupId);
  if (!found) {
    throw new AppError(
      "NOT_FOUND",
      `There is no consumer group named ${groupId} on this cluster.`,
      "It may have been deleted, or its offsets expired; go back to the group list.",
    );
  }
  const [{ details }, generationId] = await Promise.all([
    snapshotGroups(cluster, [found]),
    currentGeneration(cluster, groupId),
  ]);
  const detail = details[0];
  if (!detail) throw new AppError("INTERNAL", `Describing the group ${groupId} returned nothing.`);
  return { ...detail, generationId };
}
