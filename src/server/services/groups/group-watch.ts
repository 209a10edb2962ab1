import "server-only";
import type { TGroupWatch } from "~/domain/groups/group-dto";
import { AppError } from "~/lib/app-error";
import { SharedPolls } from "~/server/live/shared-polls";
import { describeGroup } from "./group-list";

/** How often an open group page sees fresh members, assignment and lag. */
export const GROUP_POLL_MS = 1_000;
/** While Kafka fails, ask less often. */
const FAILING_POLL_MS = 3_000;

/** One loop per (cluster, group); the key joins them with a NUL, which neither may contain. */
export function groupWatchKey(clusterId: string, groupId: string): string {
  return `${clusterId}\0${groupId}`;
}

async function tick(key: string): Promise<{ value: TGroupWatch; nextInMs: number }> {
  const [clusterId = "", groupId = ""] = key.split("\0");
  try {
    const group = await describeGroup(clusterId, groupId);
    return { value: { status: "ok", group }, nextInMs: GROUP_POLL_MS };
  } catch (error) {
    const appError = error instanceof AppError ? error : new AppError("INTERNAL", "Reading the group failed.");
    const value: TGroupWatch = {
      status: "error",
      observedAt: Date.now(),
      message: appError.message,
      hint: appError.hint ?? null,
      isMissing: appError.code === "NOT_FOUND",
    };
    // A missing group may be about to appear (a consumer starting): keep the fast pace for it.
    return { value, nextInMs: appError.code === "NOT_FOUND" ? GROUP_POLL_MS : FAILING_POLL_MS };
  }
}

const groupPolls = new SharedPolls<TGroupWatch>(tick, {
  describe: (key) => {
    const [clusterId = "", groupId = ""] = key.split("\0");
    return {
      name: `live.group ${clusterId}/${groupId}`,
      description: `Describes consumer group ${groupId} about once a second for the pages that watch it.`,
    };
  },
  problemOf: (watch) => (watch.status === "error" ? watch.message : null),
});

/** Live state of one group; every subscriber of the same group shares one poll loop. */
export function watchGroup(clusterId: string, groupId: string, signal?: AbortSignal): AsyncGenerator<TGroupWatch> {
  return groupPolls.subscribe(groupWatchKey(clusterId, groupId), signal);
}

export function activeGroupWatches(): string[] {
  return groupPolls.activeKeys();
}
