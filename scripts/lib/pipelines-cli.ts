/**
 * `npm run tributary -- validate <pipeline.yaml>`: checks a pipeline file without a browser, a server,
 * a database or a cluster — its structure (the document's schema, with line numbers) and the rules
 * that need only the document. Rules about the topics themselves (definitions, partitions, keys)
 * need the cluster and say nothing offline. Exit codes: 0 no errors (warnings may be printed),
 * 1 the file breaks the format or a rule, 2 the file cannot be read.
 */
import { checkPipeline } from "../../src/domain/pipelines/rules";
import { pipelineFromYaml } from "../../src/domain/pipelines/pipelines-yaml";

export type TValidateIo = {
  /** The verdict and each problem. */
  out: (line: string) => void;
  readFile: (path: string) => Promise<string>;
};

export async function runValidateCommand(file: string, io: TValidateIo): Promise<number> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    io.out(`Cannot read ${file}: ${readProblem(error)}.`);
    return 2;
  }
  const parsed = pipelineFromYaml(text);
  if (!parsed.ok) {
    for (const problem of parsed.problems) io.out(`${file}: error: ${problem}`);
    io.out(`${file} is not a valid pipeline file: ${count(parsed.problems.length, "error")}.`);
    return 1;
  }
  const { document } = parsed;
  const problems = checkPipeline(document, { topics: {} });
  for (const problem of problems) {
    const where = problem.nodeId ?? problem.edgeId;
    io.out(`${file}: ${problem.severity}${where === null ? "" : ` at ${where}`}: ${problem.sentence}`);
  }
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;
  const summary = `Pipeline ${document.name} (${count(document.nodes.length, "node")}, ${count(document.edges.length, "edge")})`;
  if (errors > 0) {
    io.out(
      `${summary} has ${count(errors, "error")}${warnings > 0 ? ` and has ${count(warnings, "warning")}` : ""}; it can be saved as a draft but not marked ready to deploy.`,
    );
    return 1;
  }
  io.out(
    `${summary} keeps every rule that can be checked offline${warnings > 0 ? ` (${count(warnings, "warning")})` : ""}; topics, partitions and keys are checked against the cluster in the editor.`,
  );
  return 0;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function readProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "there is no such file";
  if (code === "EISDIR") return "it is a folder";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
