import { TRPCError } from "@trpc/server";
import { ZPipelineDocument, type TPipelineDocument, type TPipelineDocumentInput } from "~/domain/pipelines/document";

/** The code and sentence a refused call answers with (fails the test when the call succeeds). */
export async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const position = { x: 0, y: 0 };
const topic = (id: string, topicName: string) => ({ id, kind: "topic" as const, position, config: { topicName } });
const filter = (id: string, predicate: string) => ({ id, kind: "filter" as const, position, config: { predicate } });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

/**
 * `<prefix>-raw` → keep-hot (a filter) → `<prefix>-hot`, with `<prefix>-dead` for dead letters; with
 * `cycle`, a second filter writes hot back into raw.
 */
export function chainDocument(
  prefix: string,
  name: string,
  options: { cycle?: boolean; predicate?: string } = {},
): TPipelineDocument {
  const input: TPipelineDocumentInput = {
    name,
    settings: { deadLetterTopic: `${prefix}-dead` },
    nodes: [
      topic("raw", `${prefix}-raw`),
      filter("keep-hot", options.predicate ?? "value > 90"),
      topic("hot", `${prefix}-hot`),
      ...(options.cycle ? [filter("back", "true")] : []),
    ],
    edges: [
      edge("raw", "keep-hot"),
      edge("keep-hot", "hot"),
      ...(options.cycle ? [edge("hot", "back"), edge("back", "raw")] : []),
    ],
  };
  return ZPipelineDocument.parse(input);
}
