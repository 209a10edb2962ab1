/** Runs once when the Next.js server boots: parse the environment so a bad variable stops it at once. */
export async function register() {
  await import("./env");
  // NEXT_RUNTIME and NEXT_PHASE are set by Next, not by the user, so they are no configuration for
  // src/env.ts. Next replaces NEXT_RUNTIME per bundle at build time, and only a literal
  // `if (process.env.NEXT_RUNTIME === "nodejs")` lets the bundler drop the Node-only imports below
  // (kafkajs, pg) from the Edge bundle — through a variable or env.ts the Edge build fails on them.
  /* eslint-disable no-restricted-properties */
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // `next build` loads the server too; background samplers have no business there.
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    /* eslint-enable no-restricted-properties */
    // Stored cluster secrets that TRIBUTARY_SECRET_KEY cannot open stop the server with a sentence.
    const { refuseStartWithoutSecretKey } = await import("./server/services/secrets/secret-key-check");
    await refuseStartWithoutSecretKey();
    // Every Kafka socket is checked against the admins' address lists: read them before any connects.
    const { loadAddressPolicy } = await import("./server/services/network/address-policy-service");
    await loadAddressPolicy().catch((error: unknown) => {
      console.warn("The address policy could not be read; Kafka connections are refused until it can be.", error);
    });
    // Lag history is sampled for the life of the server, not only while a group page is open.
    const { startLagSamplers } = await import("./server/services/groups/lag-sampler-registry");
    startLagSamplers();
    // Rebalances of groups nobody has open are recorded too, coarser than an open page's watcher.
    const { startRebalanceSweep } = await import("./server/services/groups/history-sweep");
    startRebalanceSweep();
    // Each defined topic's conformance to its schema stays current (CONFORMANCE_CHECK_MINUTES; the worker registry).
    const { startConformanceChecks } = await import("./server/services/definitions/conformance-worker");
    startConformanceChecks();
    // Deployed pipeline steps' throughput and lag every 10 s, for their charts (one web server at a time).
    const { startStepSamples } = await import("./server/services/runtime/overlay/step-samples-worker");
    startStepSamples();
    // The audit log keeps AUDIT_RETENTION_DAYS: pruned now and daily.
    const { startAuditRetention } = await import("./server/services/audit/audit-retention");
    startAuditRetention();
    // No admin yet: print the one-time link that makes the first one (npm start shows it).
    const { announceSetupLink } = await import("./server/auth/setup-announcement");
    await announceSetupLink();
  }
}
