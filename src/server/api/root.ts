import "server-only";
import { clusterRouter } from "./routers/cluster";
import { topicRouter } from "./routers/topic";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  cluster: clusterRouter,
  topic: topicRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
