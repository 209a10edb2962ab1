import { LAYER_LABELS, TOPIC_LAYERS, type TTopicLayer } from "~/domain/definitions/definition";
import type { TDefinitionSummary } from "~/domain/definitions/definition-dto";

/** The catalogue's view, all of it in the query string (`?q=cpu&layer=raw&tag=metrics&owner=sre`). */
export type TCatalogueView = {
  /** Matched against the topic name, the owner and the tags. */
  search: string;
  layer: TTopicLayer | null;
  tag: string | null;
  owner: string | null;
};

export const EMPTY_CATALOGUE_VIEW: TCatalogueView = { search: "", layer: null, tag: null, owner: null };

function isLayer(value: string | null): value is TTopicLayer {
  return TOPIC_LAYERS.some((layer) => layer === value);
}

export function parseCatalogueView(params: { get(name: string): string | null }): TCatalogueView {
  const layer = params.get("layer");
  return {
    search: (params.get("q") ?? "").slice(0, 200),
    layer: isLayer(layer) ? layer : null,
    tag: params.get("tag") || null,
    owner: params.get("owner") || null,
  };
}

export function catalogueViewToSearch(view: TCatalogueView): string {
  const params = new URLSearchParams();
  if (view.search) params.set("q", view.search);
  if (view.layer) params.set("layer", view.layer);
  if (view.tag) params.set("tag", view.tag);
  if (view.owner) params.set("owner", view.owner);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** Whether one definition shows under the view: every filter must hold; the search words may hit any field. */
export function matchesCatalogueView(definition: TDefinitionSummary, view: TCatalogueView): boolean {
  if (view.layer && definition.layer !== view.layer) return false;
  if (view.tag && !definition.tags.includes(view.tag)) return false;
  if (view.owner && definition.owner.toLowerCase() !== view.owner.toLowerCase()) return false;
  const words = view.search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [definition.topicName, definition.owner, ...definition.tags, LAYER_LABELS[definition.layer]]
    .join(" ")
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export type TLayerGroup = { layer: TTopicLayer; label: string; definitions: TDefinitionSummary[] };

/** The definitions under the view, grouped in the seeds' order of layers (raw first), sorted by name; empty groups left out. */
export function groupByLayer(definitions: readonly TDefinitionSummary[], view: TCatalogueView): TLayerGroup[] {
  const byLayer = new Map<TTopicLayer, TDefinitionSummary[]>();
  for (const definition of definitions) {
    if (!matchesCatalogueView(definition, view)) continue;
    const group = byLayer.get(definition.layer) ?? [];
    group.push(definition);
    byLayer.set(definition.layer, group);
  }
  return TOPIC_LAYERS.flatMap((layer) => {
    const group = byLayer.get(layer);
    if (!group) return [];
    group.sort((a, b) => a.topicName.localeCompare(b.topicName));
    return [{ layer, label: LAYER_LABELS[layer], definitions: group }];
  });
}
