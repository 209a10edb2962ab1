import "server-only";
import { listWorkers } from "~/server/services/workers/workers-service";
import { procedure, router } from "../trpc";

/** The one registry of long-lived work: what runs where, its state and last error. */
export const workersRouter = router({
  list: procedure("viewer").query(() => listWorkers()),
});
