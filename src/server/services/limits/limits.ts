import "server-only";
import { env } from "~/env";
import { createConcurrencyLimiter, type TConcurrencyLimiter, type TLimitKind } from "./concurrency";

const globalForLimits = globalThis as unknown as { tributaryLimiter?: TConcurrencyLimiter };

/** The server's one limiter, on globalThis so that a dev reload keeps the counts of running work. */
export const limiter: TConcurrencyLimiter = (globalForLimits.tributaryLimiter ??= createConcurrencyLimiter(() => ({
  search: { perUser: env.SEARCH_LIMIT_PER_USER, perServer: env.SEARCH_LIMIT_PER_SERVER },
  export: { perUser: env.EXPORT_LIMIT_PER_USER, perServer: env.EXPORT_LIMIT_PER_SERVER },
  tail: { perUser: env.TAIL_LIMIT_PER_USER, perServer: env.TAIL_LIMIT_PER_SERVER },
  watch: { perUser: env.WATCH_LIMIT_PER_USER, perServer: env.WATCH_LIMIT_PER_SERVER },
  stream: { perUser: env.STREAM_LIMIT_PER_USER, perServer: env.STREAM_LIMIT_PER_SERVER },
})));

/**
 * A live stream that counts against the limits of its kind and of live streams in general for as
 * long as it runs: refused at its start when one more is too many, released however it ends.
 */
export async function* limitedStream<T>(
  kind: Exclude<TLimitKind, "stream" | "export">,
  actor: { id: string },
  open: () => AsyncIterable<T>,
): AsyncGenerator<T> {
  const release = limiter.acquireAll(["stream", kind], actor.id);
  try {
    yield* open();
  } finally {
    release();
  }
}
