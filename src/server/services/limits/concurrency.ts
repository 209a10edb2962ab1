import "server-only";
import { AppError } from "~/lib/app-error";

/** The long-running requests that are counted; `stream` counts every live (SSE) subscription. */
export type TLimitKind = "search" | "export" | "tail" | "watch" | "stream";

/** How many of a kind one user and the whole server may hold at once, and the variables that say so. */
export type TLimit = { perUser: number; perServer: number };
export type TLimits = Record<TLimitKind, TLimit>;

const WORDS: Record<TLimitKind, { noun: string; holding: string; variable: string; whatToDo: string }> = {
  search: { noun: "searches", holding: "run", variable: "SEARCH", whatToDo: "Cancel one first." },
  export: { noun: "exports", holding: "run", variable: "EXPORT", whatToDo: "Wait for one to finish or cancel it." },
  tail: { noun: "live tails", holding: "have open", variable: "TAIL", whatToDo: "Close one first." },
  watch: {
    noun: "consumer-group watchers",
    holding: "have open",
    variable: "WATCH",
    whatToDo: "Close a group page first.",
  },
  stream: {
    noun: "live streams",
    holding: "have open",
    variable: "STREAM",
    whatToDo: "Close a tab or a live view first.",
  },
};

/**
 * Counts what runs at once, per user (keyed on the actor's id) and per server, and refuses one
 * more with a sentence that names the limit and the variable that sets it. `acquire` returns the
 * release; releasing twice is harmless, so callers may release on every path that ends the work.
 */
export function createConcurrencyLimiter(limits: () => TLimits) {
  const byUser = new Map<string, number>();
  const byServer = new Map<TLimitKind, number>();
  const userKey = (kind: TLimitKind, actorId: string) => `${kind}\u0000${actorId}`;

  function acquire(kind: TLimitKind, actorId: string): () => void {
    const limit = limits()[kind];
    const words = WORDS[kind];
    const mine = byUser.get(userKey(kind, actorId)) ?? 0;
    if (mine >= limit.perUser) {
      throw new AppError(
        "CONFLICT",
        `You already ${words.holding === "run" ? `run ${mine} ${words.noun}` : `have ${mine} ${words.noun} open`}, the most one user may ${words.holding} at once (${words.variable}_LIMIT_PER_USER).`,
        words.whatToDo,
      );
    }
    const all = byServer.get(kind) ?? 0;
    if (all >= limit.perServer) {
      throw new AppError(
        "CONFLICT",
        `The server already has ${all} ${words.noun} running, the most it allows at once (${words.variable}_LIMIT_PER_SERVER).`,
        "Try again when one has ended.",
      );
    }
    byUser.set(userKey(kind, actorId), mine + 1);
    byServer.set(kind, all + 1);
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      const key = userKey(kind, actorId);
      const left = (byUser.get(key) ?? 1) - 1;
      if (left > 0) byUser.set(key, left);
      else byUser.delete(key);
      byServer.set(kind, Math.max(0, (byServer.get(kind) ?? 1) - 1));
    };
  }

  /** Several kinds at once (a tail is a tail and a stream): all or none. */
  function acquireAll(kinds: readonly TLimitKind[], actorId: string): () => void {
    const releases: (() => void)[] = [];
    try {
      for (const kind of kinds) releases.push(acquire(kind, actorId));
    } catch (error) {
      for (const release of releases) release();
      throw error;
    }
    return () => releases.forEach((release) => release());
  }

  /** How many of a kind run now, for one user or (without an id) the server. */
  function active(kind: TLimitKind, actorId?: string): number {
    return (actorId === undefined ? byServer.get(kind) : byUser.get(userKey(kind, actorId))) ?? 0;
  }

  return { acquire, acquireAll, active };
}

export type TConcurrencyLimiter = ReturnType<typeof createConcurrencyLimiter>;
