/**
 * What changed between two documents: the revisions page's visual diff. Nodes are matched by id;
 * edges by what they join (source, port, target, port), since an edge id says nothing a person
 * sees. A node's changed fields are dot paths (`label`, `config.predicate`, `config.method.threshold`;
 * a list is one field: `config.routes`). Position counts only when nothing else changed: a node
 * that was only moved is listed with ["position"] (the page may show it as moved), while an edited
 * node that also moved lists only its edits.
 */
import type { TPipelineDocument, TPipelineEdge, TPipelineNode } from "./document";
import type { TPipelineDiff } from "./pipeline-dto";

export function diffDocuments(before: TPipelineDocument, after: TPipelineDocument): TPipelineDiff {
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const afterIds = new Set(after.nodes.map((node) => node.id));
  const changed: TPipelineDiff["nodes"]["changed"] = [];
  for (const node of after.nodes) {
    const old = beforeNodes.get(node.id);
    if (!old) continue;
    const fields = nodeChanges(old, node);
    if (fields.length > 0) changed.push({ id: node.id, fields });
  }
  const beforeEdges = new Set(before.edges.map(edgeKey));
  const afterEdges = new Set(after.edges.map(edgeKey));
  return {
    nodes: {
      added: after.nodes.filter((node) => !beforeNodes.has(node.id)).map((node) => node.id),
      removed: before.nodes.filter((node) => !afterIds.has(node.id)).map((node) => node.id),
      changed,
    },
    edges: {
      added: after.edges.filter((edge) => !beforeEdges.has(edgeKey(edge))).map((edge) => edge.id),
      removed: before.edges.filter((edge) => !afterEdges.has(edgeKey(edge))).map((edge) => edge.id),
    },
    settings: Object.keys({ ...before.settings, ...after.settings }).filter(
      (key) =>
        !same(before.settings[key as keyof typeof before.settings], after.settings[key as keyof typeof after.settings]),
    ),
    nameChanged: before.name !== after.name,
    descriptionChanged: before.description !== after.description,
  };
}

function nodeChanges(before: TPipelineNode, after: TPipelineNode): string[] {
  const fields: string[] = [];
  if (before.kind !== after.kind) fields.push("kind");
  if (before.label !== after.label) fields.push("label");
  fields.push(...leafChanges(before.config, after.config, "config"));
  if (fields.length === 0 && !same(before.position, after.position)) fields.push("position");
  return fields;
}

/** Dot paths of the leaves that differ; objects are walked, lists and values compared whole. */
function leafChanges(before: unknown, after: unknown, path: string): string[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => leafChanges(before[key], after[key], `${path}.${key}`));
  }
  return same(before, after) ? [] : [path];
}

function edgeKey(edge: TPipelineEdge): string {
  return JSON.stringify([edge.source, edge.sourcePort, edge.target, edge.targetPort]);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values (documents hold nothing else). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => same(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && same(a[key], b[key]));
  }
  return false;
}
