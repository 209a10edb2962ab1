/**
 * The registry: one spec per node kind (kind-spec.ts). The document's node union (document.ts)
 * and this record must list the same kinds; the type below makes a missing one a compile error.
 */
import type { TConfigOf } from "../document";
import type { TNodeKind, TNodeKindSpec } from "../kind-spec";
import { cleanKind } from "./clean";
import { enrichKind } from "./enrich";
import { filterKind } from "./filter";
import { mapKind } from "./map";
import { modelKind } from "./model";
import { routeKind } from "./route";
import { topicKind } from "./topic";
import { windowKind } from "./window";

export const NODE_KIND_SPECS: { [K in TNodeKind]: TNodeKindSpec<TConfigOf<K>> } = {
  topic: topicKind,
  filter: filterKind,
  map: mapKind,
  clean: cleanKind,
  route: routeKind,
  enrich: enrichKind,
  window: windowKind,
  model: modelKind,
};

/** The spec of a node's kind, typed loosely for generic code (forms, canvas, engine). */
export function specOf(kind: TNodeKind): TNodeKindSpec<unknown> {
  return NODE_KIND_SPECS[kind] as TNodeKindSpec<unknown>;
}
