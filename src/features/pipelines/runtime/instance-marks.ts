import type { TInstanceTone, TLiveInstanceMark } from "~/domain/pipelines/runtime/live-marks";
import type { TRunnerDto, TStepInstance, TStepRuntime } from "~/domain/pipelines/runtime/runtime-dto";
import { pluralize } from "~/lib/format";

/** Past this many partitions a chip lists the first few and counts the rest, so it stays one line. */
const LISTED_PARTITIONS = 6;

/**
 * A short name per runner: its host, or host:pid where two runners share a host (two `npm run runner`
 * on one machine would otherwise read the same).
 */
export function runnerNames(runners: readonly Pick<TRunnerDto, "id" | "host" | "pid">[]): Map<string, string> {
  const perHost = new Map<string, number>();
  for (const runner of runners) perHost.set(runner.host, (perHost.get(runner.host) ?? 0) + 1);
  return new Map(
    runners.map((runner) => [
      runner.id,
      (perHost.get(runner.host) ?? 0) > 1 ? `${runner.host}:${runner.pid}` : runner.host,
    ]),
  );
}

/** "p0 p2 p4"; "p0 p1 p2 p3 p4 … +7" past six. */
export function partitionsText(partitions: readonly number[]): string {
  const sorted = [...partitions].sort((a, b) => a - b);
  const listed = sorted.length > LISTED_PARTITIONS ? sorted.slice(0, LISTED_PARTITIONS - 1) : sorted;
  const text = listed.map((partition) => `p${partition}`).join(" ");
  return sorted.length > listed.length ? `${text} … +${sorted.length - listed.length}` : text;
}

/**
 * Gone outranks failed outranks idle: a gone runner's last report (failed or not) is stale. A running
 * member without partitions is idle only when the others hold them all (the server says so);
 * otherwise the group is mid-rebalance and the member is still getting its share.
 */
function toneOf(instance: TStepInstance): TInstanceTone {
  if (instance.gone) return "gone";
  if (instance.state === "failed") return "failed";
  if (instance.state === "running" && instance.idle) return "idle";
  if (instance.state === "running" && instance.partitions.length === 0) return "starting";
  return instance.state;
}

const IDLE_FALLBACK =
  "This instance holds no partition: the group has more members than its input topic has partitions, and Kafka gives each partition to one member.";

function titleOf(instance: TStepInstance, tone: TInstanceTone, name: string, idleReason: string | null): string {
  switch (tone) {
    case "gone":
      return `The runner ${name} stopped sending heartbeats. Kafka gives its partitions to the other members once its session times out.`;
    case "failed":
      return `Failed: ${instance.reason ?? "the runner gave no reason."}`;
    case "idle":
      return idleReason ?? IDLE_FALLBACK;
    case "starting":
      return "Joining the consumer group; partitions follow once the group has rebalanced.";
    case "stopped":
      return "Stopped.";
    case "running": {
      const sorted = [...instance.partitions].sort((a, b) => a - b);
      return `Holds ${pluralize(sorted.length, "partition")}: ${sorted.join(", ")}.`;
    }
  }
}

function chipPartitions(instance: TStepInstance, tone: TInstanceTone): string {
  if (tone === "running") return partitionsText(instance.partitions);
  if (tone === "starting" && instance.state === "running") return "rebalancing";
  return tone;
}

/** The chips of a step's members, ordered by runner and instance so they keep their place between seconds. */
export function instanceMarks(step: TStepRuntime, names: ReadonlyMap<string, string>): TLiveInstanceMark[] {
  return step.instances
    .map((instance) => {
      const name = names.get(instance.runnerId) ?? instance.runnerHost;
      const tone = toneOf(instance);
      return {
        id: `${instance.runnerId}/${instance.instance}`,
        // The runner numbers its members from 0; people count from 1.
        label: `${name} #${instance.instance + 1}`,
        partitions: chipPartitions(instance, tone),
        tone,
        title: titleOf(instance, tone, name, step.idleReason),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label, "en", { numeric: true }));
}
