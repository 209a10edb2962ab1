import "server-only";
import { clusterRouter } from "./routers/cluster";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  cluster: clusterRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
