import {
  ZTopicDefinitionInput,
  type TTopicDefinitionFields,
  type TTopicDefinitionInput,
} from "~/domain/definitions/definition";
import type { TImportDraft } from "~/domain/definitions/definition-dto";

/** One topic being imported: its draft definition as edited, and the inferred schema as edited. */
export type TDraftForm = {
  definition: TTopicDefinitionFields;
  /** The JSON Schema text to save as version 1; "" saves no schema. */
  schemaText: string;
  sampled: number;
  note: string | null;
};

/** Topics that can be imported: not defined yet, and not Kafka's internal ones (`__consumer_offsets`…). */
export function undefinedTopics(topicNames: readonly string[], definedNames: readonly string[]): string[] {
  const defined = new Set(definedNames);
  return topicNames.filter((name) => !name.startsWith("__") && !defined.has(name)).sort((a, b) => a.localeCompare(b));
}

export function draftFormOf(draft: TImportDraft): TDraftForm {
  return {
    definition: draft.definition,
    schemaText: draft.inferredSchemaText ?? "",
    sampled: draft.sampled,
    note: draft.note,
  };
}

/** Field → sentence for one draft (the definition's own rules), empty when it can be saved. */
export function draftErrors(draft: TDraftForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = ZTopicDefinitionInput.safeParse(draft.definition);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".") || "definition"] ??= issue.message;
  }
  return errors;
}

/** What `definitions.importTopics` takes: each definition with its schema text (null: no schema). */
export function importRequestOf(drafts: readonly TDraftForm[]): Array<{
  definition: TTopicDefinitionInput;
  schemaText: string | null;
}> {
  return drafts.map((draft) => {
    const schemaText = draft.schemaText.trim() === "" ? null : draft.schemaText;
    return {
      definition: { ...draft.definition, schemaFormat: schemaText === null ? null : "json" },
      schemaText,
    };
  });
}
