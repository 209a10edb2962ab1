import { describe, expect, it } from "vitest";
import {
  definitionsFromYaml,
  definitionsToYaml,
  type TDefinitionFileEntry,
  type TDefinitionsFile,
} from "./definitions-yaml";

function entry(topicName: string, changes: Partial<TDefinitionFileEntry> = {}): TDefinitionFileEntry {
  return {
    topicName,
    layer: "raw",
    owner: "platform team",
    description: "",
    tags: [],
    keyDescription: "",
    partitions: 6,
    replicationFactor: 3,
    configs: {},
    schemaFormat: null,
    compatibility: "backward",
    produceValidation: "refuse",
    schemaVersions: [],
    ...changes,
  };
}

const AWKWARD_DESCRIPTIONS = [
  "key: value, and a second: colon",
  "  starts with two spaces\nand then a normal line",
  "# not a comment\n\n- not a list item\n",
  "unicode: ünïcödé — 日本語 🚀",
  "ends with blank lines\n\n\n",
  "trailing spaces   ",
  "'quoted' and \"double\" and `code` and | > & * ! %",
  "tab\tinside and \\ backslash",
  "---\n...",
];

const file: TDefinitionsFile = {
  cluster: "local",
  definitions: [
    entry("telemetry.raw", {
      description: "Raw **telemetry** from the servers.\n\nOne message per sample.\n",
      tags: ["telemetry", "servers"],
      keyDescription: "stream id: `server-<n>-<metric>`",
      configs: { "retention.ms": "604800000", "cleanup.policy": "delete", "retention.bytes": "9223372036854775807" },
      schemaFormat: "json",
      schemaVersions: [
        { version: 1, text: '{\n  "type": "object"\n}\n' },
        { version: 2, text: '{"type":"object","required":["ts"]}' },
      ],
    }),
    ...AWKWARD_DESCRIPTIONS.map((description, index) => entry(`awkward-${index}`, { description })),
  ],
};

describe("definitionsToYaml / definitionsFromYaml", () => {
  it("reads back what it wrote, and writes the same text again", () => {
    const text = definitionsToYaml(file);
    const read = definitionsFromYaml(text);
    expect(read).toEqual({ ok: true, file });
    if (read.ok) expect(definitionsToYaml(read.file)).toBe(text);
  });

  it.each(AWKWARD_DESCRIPTIONS)("keeps the description %j exactly", (description) => {
    const read = definitionsFromYaml(definitionsToYaml({ definitions: [entry("a", { description })] }));
    expect(read.ok && read.file.definitions[0]?.description).toBe(description);
  });

  it("writes keys in one order and configs sorted, whatever order they came in", () => {
    const scrambled = { ...entry("a"), configs: { "segment.ms": "1", "cleanup.policy": "delete" } };
    const reversed = Object.fromEntries(Object.entries(scrambled).reverse()) as unknown as TDefinitionFileEntry;
    const text = definitionsToYaml({ definitions: [reversed] });
    expect(text).toBe(definitionsToYaml({ definitions: [scrambled] }));
    expect(text.indexOf("topicName")).toBeLessThan(text.indexOf("owner"));
    expect(text.indexOf("cleanup.policy")).toBeLessThan(text.indexOf("segment.ms"));
  });

  it("writes descriptions and schema texts as block scalars", () => {
    const text = definitionsToYaml(file);
    expect(text).toContain("description: |");
    expect(text).toMatch(/text: \|[-+0-9]*\n\s+\{\n/);
  });

  it("reads a hand-written file: unquoted config numbers, defaults filled in, the file's layer", () => {
    const text = [
      "layer: clean",
      "definitions:",
      "  - topicName: telemetry.clean",
      "    owner: data team",
      "    partitions: 3",
      "    replicationFactor: 1",
      "    configs:",
      "      retention.ms: 86400000",
      "      retention.bytes: 9223372036854775807",
      "      min.cleanable.dirty.ratio: 0.5",
      "      unclean.leader.election.enable: false",
    ].join("\n");
    const read = definitionsFromYaml(text);
    expect(read).toEqual({
      ok: true,
      file: {
        layer: "clean",
        definitions: [
          entry("telemetry.clean", {
            layer: "clean",
            owner: "data team",
            partitions: 3,
            replicationFactor: 1,
            configs: {
              "retention.ms": "86400000",
              "retention.bytes": "9223372036854775807",
              "min.cleanable.dirty.ratio": "0.5",
              "unclean.leader.election.enable": "false",
            },
          }),
        ],
      },
    });
  });
});

describe("definitionsFromYaml: errors, with their lines", () => {
  const base = [
    "definitions:",
    "  - topicName: a",
    "    layer: raw",
    "    owner: team",
    "    partitions: 3",
    "    replicationFactor: 1",
  ];

  it.each<[string, string[], { line: number | null; path: string; message: RegExp }]>([
    ["a syntax error", ["definitions:", "  - topicName: [a", "    owner: b"], { line: 3, path: "", message: /\w/ }],
    [
      "a missing layer",
      base.filter((line) => !line.includes("layer")),
      { line: 2, path: "definitions[0].layer", message: /^layer is missing; it is one of raw, clean, / },
    ],
    [
      "a missing owner",
      base.filter((line) => !line.includes("owner")),
      { line: 2, path: "definitions[0].owner", message: /^owner is missing\.$/ },
    ],
    [
      "a blank owner",
      base.map((line) => line.replace("owner: team", 'owner: " "')),
      { line: 4, path: "definitions[0].owner", message: /^Name an owner/ },
    ],
    [
      "an unknown layer",
      base.map((line) => line.replace("layer: raw", "layer: bronze")),
      {
        line: 3,
        path: "definitions[0].layer",
        message: /^layer must be one of raw, clean, processed, results, prototype\.$/,
      },
    ],
    [
      "partitions as text",
      base.map((line) => line.replace("partitions: 3", "partitions: three")),
      { line: 5, path: "definitions[0].partitions", message: /^partitions must be a number\.$/ },
    ],
    [
      "an invalid config",
      [...base, "    configs:", "      retention.ms: a week"],
      { line: 8, path: "definitions[0].configs.retention.ms", message: /^retention\.ms must be/ },
    ],
    [
      "an invalid topic name",
      base.map((line) => line.replace("topicName: a", "topicName: a b")),
      { line: 2, path: "definitions[0].topicName", message: /only letters/ },
    ],
    [
      "a misspelt field",
      [...base, "    partiton: 4"],
      { line: 7, path: "definitions[0].partiton", message: /^partiton is not a field of this file/ },
    ],
    ["a duplicate key", [...base, "    owner: other"], { line: 7, path: "", message: /unique/i }],
    [
      "a topic defined twice",
      [...base, ...base.slice(1)],
      { line: 7, path: "definitions[1].topicName", message: /^a is defined twice; the first is at line 2\.$/ },
    ],
    [
      "schema versions without a format",
      [...base, "    schemaVersions:", "      - version: 1", "        text: '{}'"],
      { line: 8, path: "definitions[0].schemaVersions", message: /no schemaFormat/ },
    ],
    [
      "versions out of order",
      [
        ...base,
        "    schemaFormat: json",
        "    schemaVersions:",
        "      - {version: 2, text: '{}'}",
        "      - {version: 1, text: '{}'}",
      ],
      { line: 9, path: "definitions[0].schemaVersions", message: /oldest first/ },
    ],
    [
      "a definition in another layer than the file's",
      ["layer: clean", ...base],
      { line: 4, path: "definitions[0].layer", message: /holds the clean layer, but a is in raw/ },
    ],
    [
      "no list of definitions",
      ["cluster: local"],
      { line: 1, path: "definitions", message: /^definitions is missing\.$/ },
    ],
  ])("reports %s", (_what, lines, expected) => {
    const read = definitionsFromYaml(lines.join("\n"));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toContainEqual({
      line: expected.line,
      path: expected.path,
      message: expect.stringMatching(expected.message),
    });
  });

  it("reports every error of the file at once", () => {
    const text = [
      ...[
        "definitions:",
        "  - topicName: a",
        "    layer: raw",
        "    owner: team",
        "    partitions: 0",
        "    replicationFactor: 1",
      ],
      "  - topicName: b",
    ].join("\n");
    const read = definitionsFromYaml(text);
    expect(read.ok ? [] : read.errors.map((error) => error.path)).toEqual([
      "definitions[0].partitions",
      "definitions[1].layer",
      "definitions[1].owner",
      "definitions[1].partitions",
      "definitions[1].replicationFactor",
    ]);
  });

  it("refuses a file that is not a map", () => {
    expect(definitionsFromYaml("- a\n- b\n")).toEqual({
      ok: false,
      errors: [{ line: 1, path: "", message: "The file must be a map with a list of definitions." }],
    });
  });
});
