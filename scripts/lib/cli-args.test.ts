import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./cli-args";

describe("parseCliArgs", () => {
  it.each([
    [["plan", "defs.yaml"], { command: "plan", file: "defs.yaml", cluster: null }],
    [["apply", "defs.yaml", "--cluster", "prod"], { command: "apply", file: "defs.yaml", cluster: "prod" }],
    [["plan", "--cluster=staging", "defs.yaml"], { command: "plan", file: "defs.yaml", cluster: "staging" }],
    [["export"], { command: "export", cluster: null, layer: null, out: null }],
    [
      ["export", "--layer", "raw", "--out", "raw.yaml", "--cluster", "local"],
      { command: "export", cluster: "local", layer: "raw", out: "raw.yaml" },
    ],
    [["validate", "pipeline.yaml"], { command: "validate", file: "pipeline.yaml" }],
  ])("reads %j", (argv, request) => {
    expect(parseCliArgs(argv)).toEqual({ ok: true, request });
  });

  it.each([
    [[], "Name a command."],
    [["destroy"], "There is no command 'destroy'."],
    [["plan"], "plan needs the YAML file to read."],
    [["apply", "a.yaml", "b.yaml"], "apply reads one file; got 2."],
    [["plan", "a.yaml", "--layer", "raw"], "plan has no option --layer."],
    [["plan", "a.yaml", "--cluster"], "--cluster needs a value."],
    [["export", "--layer", "bronze"], "--layer must be one of raw, clean, processed, results, prototype."],
    [["export", "out.yaml"], "export takes no file; use --out out.yaml."],
    [["validate"], "validate needs the YAML file to read."],
    [["validate", "a.yaml", "--cluster", "local"], "validate has no option --cluster."],
  ])("refuses %j", (argv, message) => {
    expect(parseCliArgs(argv)).toEqual({ ok: false, message });
  });
});
