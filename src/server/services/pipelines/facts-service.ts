import "server-only";
import type { z } from "zod";
import type { TPipelineFacts } from "~/domain/pipelines/pipeline-dto";
import type { ZFactsInput } from "~/domain/pipelines/pipeline-requests";
import { AppError } from "~/lib/app-error";

// CONTRACT PLACEHOLDER: the persistence helper implements this.
/** What the rules need about each named topic: its definition (layer, key, schema) and Kafka's partitions and cleanup policy. */
export async function pipelineFacts(input: z.output<typeof ZFactsInput>): Promise<TPipelineFacts> {
  void input;
  throw new AppError("INTERNAL", "Pipelines are being built.");
}
