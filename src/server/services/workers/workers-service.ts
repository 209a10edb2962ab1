import "server-only";
import type { TWorkerStatusDto } from "~/domain/workers";

/**
 * Every background job of this web server, of the other web servers (their one-server jobs, by
 * lease) and of the runners. (Placeholder of the shared contract: the registry work fills it.)
 */
export async function listWorkers(): Promise<TWorkerStatusDto[]> {
  return [];
}
