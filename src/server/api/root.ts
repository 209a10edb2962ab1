import "server-only";
import { clusterRouter } from "./routers/cluster";
import { groupHistoryRouter } from "./routers/group-history";
import { groupOffsetsRouter } from "./routers/group-offsets";
import { groupsRouter } from "./routers/groups";
import { messagesRouter } from "./routers/messages";
import { playgroundRouter } from "./routers/playground";
import { produceRouter } from "./routers/produce";
import { searchRouter } from "./routers/search";
import { tailRouter } from "./routers/tail";
import { topicRouter } from "./routers/topic";
import { topicDataRouter } from "./routers/topic-data";
import { topicStatsRouter } from "./routers/topic-stats";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  cluster: clusterRouter,
  topic: topicRouter,
  topicStats: topicStatsRouter,
  topicData: topicDataRouter,
  messages: messagesRouter,
  tail: tailRouter,
  search: searchRouter,
  produce: produceRouter,
  groups: groupsRouter,
  groupOffsets: groupOffsetsRouter,
  groupHistory: groupHistoryRouter,
  playground: playgroundRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
