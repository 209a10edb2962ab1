import type { TWorkerStatusDto } from "~/domain/workers";

export const WORKER_SORT_KEYS = ["name", "state", "holder", "lastPassAt"] as const;
export type TWorkerSortKey = (typeof WORKER_SORT_KEYS)[number];
export type TWorkerSort = { key: TWorkerSortKey; descending: boolean };

/** Trouble first when sorting by state: a stopped job is what a person came to look for. */
const STATE_ORDER = { stopped: 0, waiting: 1, standby: 2, running: 3 } as const;

function compare(a: TWorkerStatusDto, b: TWorkerStatusDto, key: TWorkerSortKey): number {
  switch (key) {
    case "name":
      return a.name.localeCompare(b.name);
    case "state":
      return STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.name.localeCompare(b.name);
    case "holder":
      return (a.holder ?? "").localeCompare(b.holder ?? "") || a.name.localeCompare(b.name);
    case "lastPassAt":
      return (a.lastPassAt?.getTime() ?? 0) - (b.lastPassAt?.getTime() ?? 0);
  }
}

/** A sorted copy; web servers' jobs before runners' step members within equal keys. */
export function sortWorkers(rows: readonly TWorkerStatusDto[], sort: TWorkerSort): TWorkerStatusDto[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => sign * compare(a, b, sort.key) || a.processKind.localeCompare(b.processKind));
}
