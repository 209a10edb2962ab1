import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pipelineToYaml } from "../../src/domain/pipelines/pipelines-yaml";
import { PIPELINE_TEMPLATES } from "../../src/domain/pipelines/templates";
import { runValidateCommand } from "./pipelines-cli";

const chain = PIPELINE_TEMPLATES.find((template) => template.id === "telemetry-anomalies")!.document("Seeds chain");
const folder = mkdtempSync(path.join(tmpdir(), "tributary-validate-"));
const good = path.join(folder, "good.yaml");
const broken = path.join(folder, "broken.yaml");
const unparsable = path.join(folder, "unparsable.yaml");
writeFileSync(good, pipelineToYaml(chain));
// The model step's input edge removed and no dead-letter topic: two rules broken.
writeFileSync(
  broken,
  pipelineToYaml({
    ...chain,
    settings: { ...chain.settings, deadLetterTopic: null },
    edges: chain.edges.filter((edge) => edge.target !== "model-1"),
  }),
);
writeFileSync(unparsable, pipelineToYaml(chain).replace("windowSize: 30", "windowSize: many"));

async function validate(file: string) {
  const lines: string[] = [];
  const code = await runValidateCommand(file, {
    out: (line) => lines.push(line),
    readFile: async (name) => (await import("node:fs/promises")).readFile(name, "utf8"),
  });
  return { code, lines };
}

describe("tributary validate", () => {
  it("passes a pipeline that keeps the rules", async () => {
    const { code, lines } = await validate(good);
    expect(code).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/^Pipeline Seeds chain \(5 nodes, 4 edges\) keeps every rule/)]);
  });

  it("prints each broken rule as a sentence naming its node, and fails", async () => {
    const { code, lines } = await validate(broken);
    expect(code).toBe(1);
    expect(lines).toContainEqual(
      expect.stringMatching(/: error at model-1: Model step .* has no input; connect the topic it reads to it\.$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/: error at clean-1: .*the pipeline has none; set one in the pipeline's settings\.$/),
    );
    expect(lines.at(-1)).toMatch(/has \d+ errors; it can be saved as a draft but not marked ready to deploy\.$/);
  });

  it("prints a field the format refuses with its line, and fails", async () => {
    const { code, lines } = await validate(unparsable);
    expect(code).toBe(1);
    expect(lines[0]).toMatch(
      /unparsable\.yaml: error: Line \d+, nodes\[3\]\.config\.method\.windowSize: windowSize must be a number\.$/,
    );
  });

  it("says when the file cannot be read", async () => {
    const { code, lines } = await validate(path.join(folder, "missing.yaml"));
    expect(code).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^Cannot read .*missing\.yaml: there is no such file\.$/)]);
  });

  it("runs as `npm run tributary -- validate` without a database or a cluster", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    // No DATABASE_URL or KAFKA_BROKERS: validate must not need them.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test" };
    const run = (file: string) =>
      spawnSync(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/tributary.ts", "validate", file],
        {
          cwd: root,
          env,
          encoding: "utf8",
        },
      );
    const passed = run(good);
    expect(passed.stdout).toMatch(/keeps every rule/);
    expect(passed.status).toBe(0);
    const failed = run(broken);
    expect(failed.stdout).toMatch(/error at model-1: .* has no input/);
    expect(failed.status).toBe(1);
    // Two Node processes compiling TypeScript with tsx: seconds on a loaded machine. A ceiling, not a timing claim.
  }, 60_000);
});
