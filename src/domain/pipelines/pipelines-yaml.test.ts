import { describe, expect, it } from "vitest";
import { ZPipelineDocument, type TPipelineDocument } from "./document";
import { pipelineFromYaml, pipelineToYaml } from "./pipelines-yaml";
import { PIPELINE_TEMPLATES } from "./templates";

const chain = PIPELINE_TEMPLATES.find((template) => template.id === "telemetry-anomalies")!.document("Anomalies");
const yaml = pipelineToYaml(chain);

function parse(text: string): TPipelineDocument {
  const result = pipelineFromYaml(text);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.document;
}

function problemsOf(text: string): string[] {
  const result = pipelineFromYaml(text);
  return result.ok ? [] : result.problems;
}

describe("pipelines as YAML", () => {
  it.each(PIPELINE_TEMPLATES.map((template) => [template.id, template] as const))(
    "round-trips the %s template unchanged",
    (_, template) => {
      const document = template.document("Round trip");
      const text = pipelineToYaml(document);
      expect(parse(text)).toEqual(document);
      expect(pipelineToYaml(parse(text))).toBe(text);
    },
  );

  it("round-trips texts that YAML would otherwise bend: multi-line descriptions, colons, numbers as text", () => {
    const document = ZPipelineDocument.parse({
      ...chain,
      description: "Line one: with a colon.\n# not a comment\n\n  indented",
      nodes: chain.nodes.map((node) =>
        node.kind === "topic" ? { ...node, label: "yes", position: { x: 0.5, y: -12 } } : node,
      ),
      edges: chain.edges,
    });
    expect(parse(pipelineToYaml(document))).toEqual(document);
  });

  it("starts with a comment that says what the file is and how to check it", () => {
    expect(yaml.split("\n").slice(0, 2).join("\n")).toMatch(
      /^# A Tributary pipeline.*\n# .*npm run tributary -- validate/,
    );
  });

  it("fills in what the format defaults (ports, settings, labels)", () => {
    const document = parse(
      [
        "name: Minimal",
        "nodes:",
        "  - { id: topic-1, kind: topic, position: { x: 0, y: 0 }, config: { topicName: a } }",
        "edges: []",
      ].join("\n"),
    );
    expect(document.settings).toEqual({
      deliveryMode: "at-least-once",
      deadLetterTopic: null,
      instances: 1,
      startFrom: "latest",
    });
    expect(document.nodes[0]?.label).toBe("");
  });

  it.each([
    ["a syntax error, with its line", "name: x\nnodes: [\nedges: []", /^Line \d+: .*\.$/],
    [
      "a field the schema refuses, with its line and path",
      yaml.replace("windowSize: 30", "windowSize: 1"),
      /^Line \d+, nodes\[3\]\.config\.method\.windowSize: A rolling window needs at least 2 values\.$/,
    ],
    [
      "an unknown kind",
      yaml.replace("kind: clean", "kind: cleaner"),
      /^Line \d+, nodes\[1\]\.kind: kind must be one of topic, filter, map, clean, route, enrich, window, model\.$/,
    ],
    ["a missing field", yaml.replace(/^name: .*\n/m, ""), /^name is missing\.$|^Line \d+, name: name is missing\.$/],
    [
      "a misspelt field",
      yaml.replace("targetPort: in", "targetport: in"),
      /^Line \d+, edges\[0\]\.targetport: targetport is not a field here; remove it or check its spelling\.$/,
    ],
    [
      "two nodes with one id",
      yaml.replace("id: topic-2", "id: topic-1"),
      /^Line \d+, nodes\[2\]\.id: The id topic-1 is also used by nodes\[0\]; give each one its own id\.$/,
    ],
    ["a file that is not a map", "- just\n- a list", /^Line 1: The file must be a map with a name, nodes and edges\.$/],
  ])("reports %s as a sentence", (_, text, sentence) => {
    expect(problemsOf(text)).toContainEqual(expect.stringMatching(sentence));
  });

  it("points at the line of the broken field", () => {
    const text = yaml.replace("windowSize: 30", "windowSize: 1");
    const line = text.split("\n").findIndex((each) => each.includes("windowSize: 1")) + 1;
    expect(problemsOf(text)[0]).toMatch(new RegExp(`^Line ${line},`));
  });
});
