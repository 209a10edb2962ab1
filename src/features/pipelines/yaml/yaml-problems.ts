/** Checks a YAML text in the browser before it is sent, so that problems show at once with their lines. */
import { pipelineFromYaml } from "~/domain/pipelines/pipelines-yaml";

/** The file's problems as sentences; empty when it reads as a pipeline (the server checks again). */
export function yamlProblems(text: string): string[] {
  if (text.trim() === "") return ["The file is empty."];
  try {
    const parsed = pipelineFromYaml(text);
    return parsed.ok ? [] : parsed.problems;
  } catch {
    // The server holds the same check and answers with sentences.
    return [];
  }
}
