/**
 * Definitions as code: a cluster's definitions (or one layer's) as a YAML file a person edits and
 * keeps in git, and back. Keys are written in one fixed order and configs sorted, so exporting the
 * same definitions twice gives the same bytes and a diff shows only what changed.
 */
import { Document, LineCounter, parseDocument, Scalar } from "yaml";
import { z } from "zod";
import { TOPIC_LAYERS, ZTopicDefinitionInput, type TTopicDefinitionFields, type TTopicLayer } from "./definition";
import {
  isRecord,
  issueSentence,
  lineOf,
  pathText,
  toPlainValues,
  unknownKeyErrors,
  yamlSyntaxErrors,
  type TYamlError,
} from "./definitions-yaml-errors";

export type TDefinitionFileEntry = TTopicDefinitionFields & {
  schemaVersions: Array<{ version: number; text: string }>;
};

export type TDefinitionsFile = { cluster?: string; layer?: TTopicLayer; definitions: TDefinitionFileEntry[] };

export type TDefinitionsParseResult = { ok: true; file: TDefinitionsFile } | { ok: false; errors: TYamlError[] };

/** The order keys are written in: what the topic is, who owns it, what Kafka holds, its schema. */
const DEFINITION_KEYS = [
  "topicName",
  "layer",
  "owner",
  "description",
  "tags",
  "keyDescription",
  "partitions",
  "replicationFactor",
  "configs",
  "schemaFormat",
  "compatibility",
  "produceValidation",
  "schemaVersions",
] as const satisfies ReadonlyArray<keyof TDefinitionFileEntry>;

const FILE_KEYS = ["cluster", "layer", "definitions"] as const;

/** Texts that are read as paragraphs: block scalars keep their lines, '#' and ':' as written. */
const BLOCK_TEXT_PATHS: ReadonlyArray<readonly string[]> = [["description"]];

export function definitionsToYaml(file: TDefinitionsFile): string {
  const definitions = file.definitions.map((definition) => {
    const ordered: Record<string, unknown> = {};
    for (const key of DEFINITION_KEYS) ordered[key] = definition[key];
    ordered.configs = Object.fromEntries(Object.entries(definition.configs).sort(([a], [b]) => (a < b ? -1 : 1)));
    ordered.schemaVersions = [...definition.schemaVersions]
      .sort((a, b) => a.version - b.version)
      .map(({ version, text }) => ({ version, text }));
    return ordered;
  });
  const document = new Document({
    ...(file.cluster === undefined ? {} : { cluster: file.cluster }),
    ...(file.layer === undefined ? {} : { layer: file.layer }),
    definitions,
  });
  file.definitions.forEach((definition, index) => {
    for (const path of BLOCK_TEXT_PATHS) writeAsBlockScalar(document, ["definitions", index, ...path]);
    definition.schemaVersions.forEach((_, version) =>
      writeAsBlockScalar(document, ["definitions", index, "schemaVersions", version, "text"]),
    );
  });
  // lineWidth 0: never fold a long line, so a schema or description comes back byte for byte.
  return document.toString({ lineWidth: 0 });
}

function writeAsBlockScalar(document: Document, path: ReadonlyArray<string | number>): void {
  const node = document.getIn(path, true);
  // An empty text stays "", which reads better than a block with nothing in it.
  if (node instanceof Scalar && typeof node.value === "string" && node.value !== "") node.type = Scalar.BLOCK_LITERAL;
}

const ZSchemaVersions = z
  .array(
    z.object({
      version: z.number().int("A schema version is a whole number.").positive("A schema version starts at 1."),
      text: z.string(),
    }),
  )
  .default([]);

export function definitionsFromYaml(text: string): TDefinitionsParseResult {
  const lineCounter = new LineCounter();
  // intAsBigInt: a config such as retention.bytes may exceed 2^53 and must keep every digit.
  const document = parseDocument(text, { lineCounter, intAsBigInt: true, uniqueKeys: true });
  if (document.errors.length > 0) return { ok: false, errors: yamlSyntaxErrors(document.errors) };
  const raw = toPlainValues(document.toJS());
  const line = (path: ReadonlyArray<string | number>) => lineOf(document, lineCounter, path);
  const errors: TYamlError[] = [];
  const fail = (path: ReadonlyArray<string | number>, message: string) =>
    errors.push({ line: line(path), path: pathText(path), message });

  if (!isRecord(raw)) {
    return {
      ok: false,
      errors: [{ line: 1, path: "", message: "The file must be a map with a list of definitions." }],
    };
  }
  unknownKeyErrors(raw, FILE_KEYS, []).forEach(({ path, message }) => fail(path, message));
  const header = z
    .object({
      cluster: z.string().optional(),
      layer: z.enum(TOPIC_LAYERS).optional(),
      definitions: z.array(z.unknown()),
    })
    .safeParse(raw);
  if (!header.success) {
    for (const issue of header.error.issues) fail(issue.path as PropertyKey[] as string[], issueSentence(issue, raw));
    return { ok: false, errors };
  }
  const { cluster, layer } = header.data;
  const definitions: TDefinitionFileEntry[] = [];
  const firstIndex = new Map<string, number>();
  header.data.definitions.forEach((entry, index) => {
    const at = ["definitions", index] as const;
    if (!isRecord(entry)) return fail(at, "Each definition is a map of fields (topicName, layer, owner, …).");
    unknownKeyErrors(entry, DEFINITION_KEYS, at).forEach(({ path, message }) => fail(path, message));
    const { schemaVersions, ...fields } = entry;
    const withLayer = layer !== undefined && fields.layer === undefined ? { ...fields, layer } : fields;
    const parsed = ZTopicDefinitionInput.safeParse(withLayer);
    const versions = ZSchemaVersions.safeParse(schemaVersions);
    for (const issue of parsed.error?.issues ?? [])
      fail([...at, ...(issue.path as string[])], issueSentence(issue, entry));
    for (const issue of versions.error?.issues ?? []) {
      fail([...at, "schemaVersions", ...(issue.path as string[])], issueSentence(issue, schemaVersions));
    }
    if (!parsed.success || !versions.success) return;
    const definition = { ...parsed.data, schemaVersions: versions.data };
    const earlier = firstIndex.get(definition.topicName);
    if (earlier !== undefined) {
      return fail(
        [...at, "topicName"],
        `${definition.topicName} is defined twice; the first is at line ${line(["definitions", earlier])}.`,
      );
    }
    firstIndex.set(definition.topicName, index);
    if (layer !== undefined && definition.layer !== layer) {
      return fail(
        [...at, "layer"],
        `This file holds the ${layer} layer, but ${definition.topicName} is in ${definition.layer}.`,
      );
    }
    const versionError = schemaVersionsError(definition);
    if (versionError !== null) return fail([...at, "schemaVersions"], versionError);
    definitions.push(definition);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    file: { ...(cluster === undefined ? {} : { cluster }), ...(layer === undefined ? {} : { layer }), definitions },
  };
}

function schemaVersionsError(definition: TDefinitionFileEntry): string | null {
  const versions = definition.schemaVersions.map((each) => each.version);
  if (versions.length > 0 && definition.schemaFormat === null) {
    return `${definition.topicName} has schema versions but no schemaFormat (json, avro or protobuf).`;
  }
  if (versions.some((version, index) => index > 0 && version <= (versions[index - 1] ?? 0))) {
    return `Schema versions must be listed oldest first, each number larger than the one before: ${versions.join(", ")}.`;
  }
  return null;
}
