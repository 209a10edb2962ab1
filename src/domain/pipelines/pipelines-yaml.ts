/**
 * A pipeline as YAML: the same document, so a round trip changes nothing. Keys are written in the
 * document's order (name, description, settings, nodes, edges) and long texts never folded, so
 * exporting twice gives the same bytes. Reading reports every problem as a sentence with its line.
 */
import { Document, LineCounter, parseDocument, Scalar } from "yaml";
import {
  issueSentence,
  isRecord,
  lineOf,
  pathText,
  yamlSyntaxErrors,
} from "~/domain/definitions/definitions-yaml-errors";
import { ZPipelineDocument, type TPipelineDocument } from "./document";
import { NODE_KINDS } from "./kind-spec";

const HEADER = [
  " A Tributary pipeline: topics and steps (nodes), the edges between their ports, and settings.",
  " Check it without a browser: npm run tributary -- validate <this file>",
].join("\n");

export function pipelineToYaml(document: TPipelineDocument): string {
  const yaml = new Document({
    name: document.name,
    description: document.description,
    settings: document.settings,
    nodes: document.nodes.map(({ id, kind, label, position, config }) => ({ id, kind, label, position, config })),
    edges: document.edges.map(({ id, source, sourcePort, target, targetPort }) => ({
      id,
      source,
      sourcePort,
      target,
      targetPort,
    })),
  });
  yaml.commentBefore = HEADER;
  const description = yaml.get("description", true);
  // A paragraph reads best as a block; an empty one stays "".
  if (description instanceof Scalar && document.description.includes("\n")) description.type = Scalar.BLOCK_LITERAL;
  return yaml.toString({ lineWidth: 0 });
}

/** Parses and validates; problems come back as sentences with their line numbers. */
export function pipelineFromYaml(
  text: string,
): { ok: true; document: TPipelineDocument } | { ok: false; problems: string[] } {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (yaml.errors.length > 0) {
    return {
      ok: false,
      problems: yamlSyntaxErrors(yaml.errors).map((error) => located(error.line, "", error.message)),
    };
  }
  const raw: unknown = yaml.toJS();
  if (!isRecord(raw))
    return { ok: false, problems: [located(1, "", "The file must be a map with a name, nodes and edges.")] };
  const where = (path: readonly (string | number)[]) => lineOf(yaml, lineCounter, path);
  const parsed = ZPipelineDocument.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.filter((part) => typeof part !== "symbol");
        return located(where(path), pathText(path), unionSentence(issue) ?? issueSentence(issue, raw));
      }),
    };
  }
  const problems = [
    ...unknownKeys(raw, parsed.data, []).map((path) =>
      located(
        where(path),
        pathText(path),
        `${String(path.at(-1))} is not a field here; remove it or check its spelling.`,
      ),
    ),
  ];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document: parsed.data };
}

function located(line: number | null, path: string, message: string): string {
  const at = [line === null ? null : `Line ${line}`, path === "" ? null : path]
    .filter((part) => part !== null)
    .join(", ");
  return at === "" ? message : `${at}: ${message}`;
}

/** zod's "Invalid input" for an unknown node kind, said as the kinds there are. */
function unionSentence(issue: { code: string; path: PropertyKey[]; message: string }): string | null {
  if (issue.code !== "invalid_union" || issue.path[0] !== "nodes" || issue.path.at(-1) !== "kind") return null;
  return `kind must be one of ${NODE_KINDS.join(", ")}.`;
}

/**
 * Keys the file has that the document does not keep: almost always a typo (`sourceport`), and
 * dropping it silently would lose what was meant.
 */
function unknownKeys(raw: unknown, parsed: unknown, path: (string | number)[]): (string | number)[][] {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    return raw.flatMap((item, index) => unknownKeys(item, parsed[index], [...path, index]));
  }
  if (!isRecord(raw) || !isRecord(parsed)) return [];
  return Object.keys(raw).flatMap((key) =>
    Object.hasOwn(parsed, key) ? unknownKeys(raw[key], parsed[key], [...path, key]) : [[...path, key]],
  );
}
