import "server-only";
import { startAuditRetention } from "../audit/audit-retention";
import { startConformanceChecks } from "../definitions/conformance-worker";
import { startRebalanceSweep } from "../groups/history-sweep";
import { startLagSamplers } from "../groups/lag-sampler-registry";
import { startStepSamples } from "../runtime/overlay/step-samples-worker";

/**
 * The background jobs every web server starts at boot (src/instrumentation.ts), through the worker
 * registry. The one-server ones among them run on one server at a time whatever the number started:
 * each waits in standby for its lease. Tests start a second "server" through this very function.
 */
export function startBackgroundWork(): void {
  // Lag history is sampled for the life of the server, not only while a group page is open (+ retention).
  startLagSamplers();
  // Rebalances of groups nobody has open are recorded too, coarser than an open page's watcher.
  startRebalanceSweep();
  // Each defined topic's conformance to its schema stays current (CONFORMANCE_CHECK_MINUTES).
  startConformanceChecks();
  // Deployed pipeline steps' throughput and lag every 10 s, for their charts.
  startStepSamples();
  // The audit log keeps AUDIT_RETENTION_DAYS: pruned now and daily.
  startAuditRetention();
}
