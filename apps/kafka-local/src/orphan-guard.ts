import { signalGroup } from "./processes";

/**
 * Brokers started attached to this process must not outlive it (a test run that crashes or a dev
 * server that exits). While any are registered, one `exit` handler kills them;
 * nothing global stays registered once they are all stopped. Detached (CLI) brokers are never added.
 */
const attachedPids = new Set<number>();

function killAttachedBrokers(): void {
  for (const pid of attachedPids) {
    try {
      signalGroup(pid, "SIGKILL"); // `exit` handlers must be synchronous, so no graceful stop here
    } catch {
      // already gone
    }
  }
}

export function guardAttachedBroker(pid: number): void {
  if (attachedPids.size === 0) process.on("exit", killAttachedBrokers);
  attachedPids.add(pid);
}

export function releaseAttachedBroker(pid: number): void {
  if (!attachedPids.delete(pid)) return;
  if (attachedPids.size === 0) process.off("exit", killAttachedBrokers);
}
