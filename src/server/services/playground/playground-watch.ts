import "server-only";
import type { TPlaygroundWatch } from "~/domain/playground/playground-dto";
import { addWatcher, findPlayground, toPlaygroundDto } from "./playground-registry";

function snapshot(clusterId: string, groupId: string): TPlaygroundWatch {
  const entry = findPlayground(clusterId, groupId);
  return entry ? { status: "running", playground: toPlaygroundDto(entry) } : { status: "stopped", clusterId, groupId };
}

/**
 * The playground in this group now, then again after every change (a member joined, was assigned
 * partitions, left, was killed…), as it happens: the registry calls back, nothing polls. A burst of
 * changes while a subscriber is busy reaches it as one newest snapshot.
 */
export async function* watchPlayground(
  clusterId: string,
  groupId: string,
  signal?: AbortSignal,
): AsyncGenerator<TPlaygroundWatch> {
  let isChanged = true;
  let wake: (() => void) | undefined;
  const stopWatching = addWatcher(clusterId, groupId, () => {
    isChanged = true;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    while (!signal?.aborted) {
      if (!isChanged) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      isChanged = false;
      yield snapshot(clusterId, groupId);
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    stopWatching();
  }
}
