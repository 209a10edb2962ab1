import "server-only";
import { z } from "zod";
import { listClusters } from "~/server/services/clusters/registered-clusters";
import { watchClusterHealth } from "~/server/services/clusters/cluster-health";
import { changeClusterReadOnly } from "~/server/services/clusters/cluster-read-only";
import { procedure, router, withAppErrors } from "../trpc";

export const clustersRouter = router({
  list: procedure("viewer").query(() => listClusters()),

  /** Brokers, controller and counts of one cluster, pushed about once a second; retries while Kafka is down. */
  health: procedure("viewer")
    .input(z.object({ clusterId: z.string().min(1) }))
    .subscription(async function* ({ input, signal }) {
      yield* withAppErrors(watchClusterHealth(input.clusterId, signal));
    }),

  /** Read-only clusters refuse every change made through Tributary (produce, resets, topics…). */
  setReadOnly: procedure("admin")
    .input(z.object({ clusterId: z.string().min(1), isReadOnly: z.boolean() }))
    .mutation(({ ctx, input }) => changeClusterReadOnly(ctx, input.clusterId, input.isReadOnly)),
});
