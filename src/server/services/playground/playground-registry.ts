import "server-only";
import type { TDemoMemberProcess } from "~/server/kafka/playground/demo-member-process";
import { registerResident, type TResidentHandle } from "~/server/workers/worker-registry";
import { isRunning, type TMemberIntent } from "./member-state";
import type { TPlayground, TPlaygroundMember } from "~/domain/playground/playground-dto";

/**
 * The playgrounds this server runs, keyed by cluster and group, and who watches them. On globalThis
 * so that Next's dev reloads keep one registry: a second one would lose track of running processes.
 */

export type TMemberEntry = {
  row: TPlaygroundMember;
  process: TDemoMemberProcess | null;
  intent: TMemberIntent;
};

export type TPlaygroundEntry = Omit<TPlayground, "members" | "generationId"> & {
  members: TMemberEntry[];
  nextNumber: number;
};

type TRegistry = {
  playgrounds: Map<string, TPlaygroundEntry>;
  /** Starts in flight, so that two at once cannot claim the same group. */
  starting: Set<string>;
  watchers: Map<string, Set<() => void>>;
  /** Each playground's entry in the worker registry. */
  listed: Map<string, TResidentHandle>;
};

/** Ended members kept on screen (left, killed, crashed), newest first; older ones are forgotten. */
const ENDED_MEMBERS_KEPT = 20;

const registryKey = Symbol.for("tributary.playground.registry");
type GlobalWithRegistry = typeof globalThis & { [registryKey]?: TRegistry };
const registry = ((globalThis as GlobalWithRegistry)[registryKey] ??= {
  playgrounds: new Map(),
  starting: new Set(),
  watchers: new Map(),
  listed: new Map(),
});

/** One key per (cluster, group); NUL separates them, which neither may contain. */
export function playgroundKey(clusterId: string, groupId: string): string {
  return `${clusterId}\0${groupId}`;
}

export function findPlayground(clusterId: string, groupId: string): TPlaygroundEntry | undefined {
  return registry.playgrounds.get(playgroundKey(clusterId, groupId));
}

export function listPlaygroundEntries(clusterId: string, topic?: string): TPlaygroundEntry[] {
  return [...registry.playgrounds.values()]
    .filter((entry) => entry.clusterId === clusterId && (topic === undefined || entry.topic === topic))
    .sort((a, b) => a.startedAt - b.startedAt);
}

export function listAllPlaygroundEntries(): TPlaygroundEntry[] {
  return [...registry.playgrounds.values()];
}

/** Claims a group for a start; false when a playground runs there or is being started. */
export function claimStart(key: string): boolean {
  if (registry.playgrounds.has(key) || registry.starting.has(key)) return false;
  registry.starting.add(key);
  return true;
}

export function releaseStart(key: string): void {
  registry.starting.delete(key);
}

export function addPlayground(entry: TPlaygroundEntry): void {
  const key = playgroundKey(entry.clusterId, entry.groupId);
  registry.playgrounds.set(key, entry);
  registry.listed.get(key)?.end();
  registry.listed.set(
    key,
    registerResident({
      name: `playground ${entry.clusterId}/${entry.groupId}`,
      description: `Demo members of ${entry.groupId} reading ${entry.topic}, each in its own process.`,
      // Stopped from the registry (shutdown): the members leave the group and their processes end.
      stop: () => {
        for (const member of runningMembers(entry)) member.process?.leave();
        removePlayground(entry);
      },
    }),
  );
  notifyWatchers(entry.clusterId, entry.groupId);
}

export function removePlayground(entry: TPlaygroundEntry): void {
  const key = playgroundKey(entry.clusterId, entry.groupId);
  if (registry.playgrounds.get(key) === entry) {
    registry.playgrounds.delete(key);
    registry.listed.get(key)?.end();
    registry.listed.delete(key);
  }
  notifyWatchers(entry.clusterId, entry.groupId);
}

/** Replaces one member's row and tells the watchers; ended rows beyond the kept few are dropped. */
export function updateMember(
  entry: TPlaygroundEntry,
  member: TMemberEntry,
  change: (row: TPlaygroundMember) => TPlaygroundMember,
): void {
  const next = change(member.row);
  if (next === member.row) return;
  member.row = next;
  const ended = entry.members.filter((candidate) => !isRunning(candidate.row));
  if (ended.length > ENDED_MEMBERS_KEPT) {
    const forgotten = new Set(
      ended.sort((a, b) => (b.row.endedAt ?? 0) - (a.row.endedAt ?? 0)).slice(ENDED_MEMBERS_KEPT),
    );
    entry.members = entry.members.filter((candidate) => !forgotten.has(candidate));
  }
  notifyWatchers(entry.clusterId, entry.groupId);
}

export function runningMembers(entry: TPlaygroundEntry): TMemberEntry[] {
  return entry.members.filter((member) => isRunning(member.row));
}

export function toPlaygroundDto(entry: TPlaygroundEntry): TPlayground {
  const rows = entry.members.map((member) => member.row);
  const running = rows.filter(isRunning).sort((a, b) => a.number - b.number);
  const ended = rows.filter((row) => !isRunning(row)).sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
  const generations = running.flatMap((row) => (row.generationId === null ? [] : [row.generationId]));
  const { members: _members, nextNumber: _nextNumber, ...playground } = entry;
  return {
    ...playground,
    generationId: generations.length > 0 ? Math.max(...generations) : null,
    members: [...running, ...ended],
  };
}

/** Calls `listener` after every change to the playground in this group (started, changed, stopped). */
export function addWatcher(clusterId: string, groupId: string, listener: () => void): () => void {
  const key = playgroundKey(clusterId, groupId);
  const listeners = registry.watchers.get(key) ?? new Set();
  registry.watchers.set(key, listeners);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && registry.watchers.get(key) === listeners) registry.watchers.delete(key);
  };
}

function notifyWatchers(clusterId: string, groupId: string): void {
  for (const listener of registry.watchers.get(playgroundKey(clusterId, groupId)) ?? []) listener();
}
