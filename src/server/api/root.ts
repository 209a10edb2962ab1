import "server-only";
import { clusterRouter } from "./routers/cluster";
import { topicRouter } from "./routers/topic";
import { topicDataRouter } from "./routers/topic-data";
import { topicStatsRouter } from "./routers/topic-stats";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  cluster: clusterRouter,
  topic: topicRouter,
  topicStats: topicStatsRouter,
  topicData: topicDataRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
