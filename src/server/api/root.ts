import "server-only";
import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
import { clustersRouter } from "./routers/clusters";
import { definitionsRouter } from "./routers/definitions";
import { groupsRouter } from "./routers/groups";
import { messagesRouter } from "./routers/messages";
import { pipelinesRouter } from "./routers/pipelines";
import { playgroundRouter } from "./routers/playground";
import { runtimeRouter } from "./routers/runtime";
import { topicsRouter } from "./routers/topics";
import { workersRouter } from "./routers/workers";
import { createCallerFactory, router } from "./trpc";

/** Procedures nested by the resource they act on: `topics.*`, `messages.*`, `groups.*`, … */
export const appRouter = router({
  clusters: clustersRouter,
  topics: topicsRouter,
  definitions: definitionsRouter,
  messages: messagesRouter,
  pipelines: pipelinesRouter,
  runtime: runtimeRouter,
  groups: groupsRouter,
  playground: playgroundRouter,
  auth: authRouter,
  admin: adminRouter,
  workers: workersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
