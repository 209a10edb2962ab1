import type { TStep, TStepContext, TStepEmit, TStepRecord } from "../../step-types";
import { deadLetter, out } from "../step-values";
import type { TRouteConfig } from "./config";

const NOTHING: TStepEmit[] = [];

/** The first route whose predicate holds takes the record; the rest is decided by `unmatched`. */
export function createRouteStep(context: TStepContext<TRouteConfig>): TStep {
  const routes = context.config.routes.map((route) => ({
    port: route.name,
    predicate: context.host.compile(route.predicate),
  }));
  const unmatched = context.config.unmatched;

  const noRoute = (record: TStepRecord): TStepEmit[] => {
    if (unmatched === "default") return [out(record, "default")];
    if (unmatched === "drop") return NOTHING;
    return [deadLetter(record, "No route matched this record.")];
  };

  // Synchronous while the predicates answer synchronously (their fast path); async from the first that does not.
  const from = (record: TStepRecord, index: number): TStepEmit[] | Promise<TStepEmit[]> => {
    for (let at = index; at < routes.length; at++) {
      const route = routes[at]!;
      const matched = route.predicate.matches(record.value);
      if (matched === true) return [out(record, route.port)];
      if (matched !== false) return resume(record, at, matched);
    }
    return noRoute(record);
  };

  const resume = async (record: TStepRecord, at: number, pending: Promise<boolean>) =>
    (await pending) ? [out(record, routes[at]!.port)] : from(record, at + 1);

  return { process: (record) => from(record, 0) };
}
