/** The revisions diff as a list a person reads, beside the canvas (and for screen readers). */
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TPipelineDiff } from "~/domain/pipelines/pipeline-dto";
import { specOf } from "~/domain/pipelines/kinds";

export type TDiffLine = { mark: "added" | "removed" | "changed" | "moved"; text: string };

export function diffLines(older: TPipelineDocument, newer: TPipelineDocument, diff: TPipelineDiff): TDiffLine[] {
  const lines: TDiffLine[] = [];
  const newerNodes = new Map(newer.nodes.map((node) => [node.id, node]));
  const olderNodes = new Map(older.nodes.map((node) => [node.id, node]));
  const name = (id: string) => {
    const node = newerNodes.get(id) ?? olderNodes.get(id);
    if (!node) return id;
    const title = node.label.trim() || (node.kind === "topic" ? node.config.topicName.trim() : "");
    const kind = specOf(node.kind).label;
    return title ? `${kind} “${title}” (${id})` : `${kind} ${id}`;
  };
  if (diff.nameChanged) lines.push({ mark: "changed", text: `Renamed from “${older.name}” to “${newer.name}”.` });
  if (diff.descriptionChanged) lines.push({ mark: "changed", text: "The description changed." });
  for (const id of diff.nodes.added) lines.push({ mark: "added", text: `Added ${name(id)}.` });
  for (const id of diff.nodes.removed) lines.push({ mark: "removed", text: `Removed ${name(id)}.` });
  for (const change of diff.nodes.changed) {
    if (change.fields.length === 1 && change.fields[0] === "position") {
      lines.push({ mark: "moved", text: `Moved ${name(change.id)}.` });
      continue;
    }
    const before = olderNodes.get(change.id);
    const after = newerNodes.get(change.id);
    const fields = change.fields.map((field) => describeField(field, before, after));
    lines.push({ mark: "changed", text: `Changed ${name(change.id)}: ${fields.join("; ")}.` });
  }
  const olderEdges = new Map(older.edges.map((edge) => [edge.id, edge]));
  const newerEdges = new Map(newer.edges.map((edge) => [edge.id, edge]));
  for (const id of diff.edges.added) {
    const edge = newerEdges.get(id);
    if (edge)
      lines.push({ mark: "added", text: `Connected ${name(edge.source)} to ${name(edge.target)}${ports(edge)}.` });
  }
  for (const id of diff.edges.removed) {
    const edge = olderEdges.get(id);
    if (edge)
      lines.push({
        mark: "removed",
        text: `Disconnected ${name(edge.source)} from ${name(edge.target)}${ports(edge)}.`,
      });
  }
  for (const key of diff.settings) {
    const from = (older.settings as Record<string, unknown>)[key];
    const to = (newer.settings as Record<string, unknown>)[key];
    lines.push({ mark: "changed", text: `Setting ${key}: ${short(from)} → ${short(to)}.` });
  }
  return lines;
}

function ports(edge: { sourcePort: string; targetPort: string }): string {
  const parts = [];
  if (edge.sourcePort !== "out") parts.push(`from port ${edge.sourcePort}`);
  if (edge.targetPort !== "in") parts.push(`into port ${edge.targetPort}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** `config.method.threshold 3 → 2.5`: a field path without its `config.` prefix, with both values. */
function describeField(field: string, before: unknown, after: unknown): string {
  const label = field.replace(/^config\./, "");
  return `${label} ${short(at(before, field))} → ${short(at(after, field))}`;
}

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const MAX_SHOWN = 80;

function short(value: unknown): string {
  const text = value === undefined ? "(none)" : JSON.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}
