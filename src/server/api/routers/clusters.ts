import "server-only";
import { z } from "zod";
import { ZCluster } from "~/domain/cluster";
import {
  ZAddClusterInput,
  ZConnectionTestResult,
  ZRemoveClusterInput,
  ZTestClusterInput,
  ZUpdateClusterInput,
} from "~/domain/cluster-settings";
import { listClusters } from "~/server/services/clusters/registered-clusters";
import { watchClusterHealth } from "~/server/services/clusters/cluster-health";
import { changeClusterReadOnly } from "~/server/services/clusters/cluster-read-only";
import {
  addCluster,
  removeCluster,
  testClusterSettings,
  updateCluster,
} from "~/server/services/clusters/cluster-changes";
import { procedure, router, withAppErrors } from "../trpc";

// Every procedure that returns a cluster declares ZCluster as its output: the server's cluster
// object carries its decrypted connection secrets, and the output schema strips them.
export const clustersRouter = router({
  list: procedure("viewer")
    .output(z.array(ZCluster))
    .query(() => listClusters()),

  /** Brokers, controller and counts of one cluster, pushed about once a second; retries while Kafka is down. */
  health: procedure("viewer")
    .input(z.object({ clusterId: z.string().min(1) }))
    .subscription(async function* ({ input, signal }) {
      yield* withAppErrors(watchClusterHealth(input.clusterId, signal));
    }),

  /** Read-only clusters refuse every change made through Tributary (produce, resets, topics…). */
  setReadOnly: procedure("admin")
    .input(z.object({ clusterId: z.string().min(1), isReadOnly: z.boolean() }))
    .output(ZCluster)
    .mutation(({ ctx, input }) => changeClusterReadOnly(ctx, input.clusterId, input.isReadOnly)),

  /** Connects with these settings and says what it found, or why it failed; saves nothing. */
  test: procedure("admin")
    .input(ZTestClusterInput)
    .output(ZConnectionTestResult)
    .mutation(({ ctx, input }) => testClusterSettings(ctx, input.clusterId, input.settings)),

  /** Registers a cluster once a connection test passes (else its sentence). */
  add: procedure("admin")
    .input(ZAddClusterInput)
    .output(ZCluster)
    .mutation(({ ctx, input }) => addCluster(ctx, input.settings)),

  /** Changes a cluster; a changed connection is tested first. Secrets left out stay as stored. */
  update: procedure("admin")
    .input(ZUpdateClusterInput)
    .output(ZCluster)
    .mutation(({ ctx, input }) => updateCluster(ctx, input.clusterId, input.settings)),

  /** Forgets a cluster (its audit rows stay); the default cluster of KAFKA_BROKERS cannot be removed. */
  remove: procedure("admin")
    .input(ZRemoveClusterInput)
    .mutation(({ ctx, input }) => removeCluster(ctx, input.clusterId, input.confirmation)),
});
