import "server-only";
import { RUNNER_GONE_AFTER_MS } from "~/domain/pipelines/runtime/naming";
import type { TMemberRow } from "~/server/db/pipeline-runners";

/** Records per second of one member: read, written per port, dead-lettered. */
export type TMemberRates = { consumed: number; produced: number; deadLettered: number; ports: Record<string, number> };

export const NO_RATES: TMemberRates = { consumed: 0, produced: 0, deadLettered: 0, ports: {} };

type TSeen = {
  updatedAt: number;
  totals: Pick<TMemberRow, "consumed" | "produced" | "deadLettered" | "portCounts">;
  rates: TMemberRates;
};

/** A total that went down belongs to a member that restarted: everything it counted since is new. */
const grown = (now: number, before: number | undefined) => (before === undefined || now < before ? now : now - before);

function ratesBetween(before: TSeen, member: TMemberRow, seconds: number): TMemberRates {
  const per = (now: number, then: number | undefined) => grown(now, then) / seconds;
  const ports: Record<string, number> = {};
  for (const [port, count] of Object.entries(member.portCounts)) {
    ports[port] = per(count, before.totals.portCounts[port]);
  }
  return {
    consumed: per(member.consumed, before.totals.consumed),
    produced: per(member.produced, before.totals.produced),
    deadLettered: per(member.deadLettered, before.totals.deadLettered),
    ports,
  };
}

/**
 * Rates of step members from the totals their runners report. A member's row changes only when its
 * runner reports (every RUNNER_HEARTBEAT_MS), so the rate is the growth between two reports over the
 * time between them (their `updatedAt`), not over the time between two reads: reading every second
 * would otherwise see 0, then twice the rate. Between reports a member keeps its last rate; a member
 * not renewed for RUNNER_GONE_AFTER_MS has none. A member seen for the first time has no rate yet.
 */
export class MemberRateTracker {
  private readonly seen = new Map<string, Map<string, TSeen>>();
  private readonly lastUsed = new Map<string, number>();

  /** Rates of `members` of one deployment, by member row id; remembers them for the next call. */
  observe(deploymentId: string, members: readonly TMemberRow[], now = Date.now()): Map<string, TMemberRates> {
    this.forgetIdle(now);
    const previous = this.seen.get(deploymentId) ?? new Map<string, TSeen>();
    const next = new Map<string, TSeen>();
    const result = new Map<string, TMemberRates>();
    for (const member of members) {
      const updatedAt = member.updatedAt.getTime();
      const before = previous.get(member.id);
      let rates = NO_RATES;
      if (before && updatedAt === before.updatedAt) rates = before.rates;
      else if (before && updatedAt > before.updatedAt)
        rates = ratesBetween(before, member, (updatedAt - before.updatedAt) / 1000);
      const { consumed, produced, deadLettered, portCounts } = member;
      next.set(member.id, { updatedAt, totals: { consumed, produced, deadLettered, portCounts }, rates });
      result.set(member.id, now - updatedAt > RUNNER_GONE_AFTER_MS ? NO_RATES : rates);
    }
    this.seen.set(deploymentId, next);
    this.lastUsed.set(deploymentId, now);
    return result;
  }

  /** Has seen this deployment's members before (its rates are known, not zero for want of a first report). */
  knows(deploymentId: string): boolean {
    return this.seen.has(deploymentId);
  }

  /** Deployments nobody looked at for ten minutes are forgotten, so the memory stays bounded. */
  private forgetIdle(now: number): void {
    for (const [deploymentId, at] of this.lastUsed) {
      if (now - at < FORGET_AFTER_MS) continue;
      this.seen.delete(deploymentId);
      this.lastUsed.delete(deploymentId);
    }
  }
}

const FORGET_AFTER_MS = 10 * 60_000;

/** Adds rates up (a step's members, a pipeline's steps). */
export function sumRates(all: readonly TMemberRates[]): TMemberRates {
  const sum: TMemberRates = { consumed: 0, produced: 0, deadLettered: 0, ports: {} };
  for (const rates of all) {
    sum.consumed += rates.consumed;
    sum.produced += rates.produced;
    sum.deadLettered += rates.deadLettered;
    for (const [port, rate] of Object.entries(rates.ports)) sum.ports[port] = (sum.ports[port] ?? 0) + rate;
  }
  return sum;
}
