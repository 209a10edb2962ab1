/** A pipeline as YAML: the same document, so a round trip changes nothing. */
import type { TPipelineDocument } from "./document";

// CONTRACT PLACEHOLDER: the document helper implements these.
export function pipelineToYaml(document: TPipelineDocument): string {
  void document;
  throw new Error("not yet");
}
/** Parses and validates; problems come back as sentences with their line numbers. */
export function pipelineFromYaml(
  text: string,
): { ok: true; document: TPipelineDocument } | { ok: false; problems: string[] } {
  void text;
  throw new Error("not yet");
}
