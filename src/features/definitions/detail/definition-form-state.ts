import {
  ZTopicDefinitionInput,
  type TCompatibility,
  type TProduceValidation,
  type TTopicDefinitionFields,
  type TTopicDefinitionInput,
  type TTopicLayer,
} from "~/domain/definitions/definition";
import { formFromPreset, formToSpec, type TTopicForm } from "~/features/topics/create/topic-form-state";

/**
 * What the definition form holds while the user types. The Kafka half is the create dialog's own
 * form (same fields, same rules, same sentences); the rest is what Kafka does not keep.
 */
export type TDefinitionForm = {
  kafka: TTopicForm;
  /** The create form always names a cleanup policy; a definition that never did should not start to. */
  namesCleanupPolicy: boolean;
  layer: TTopicLayer;
  owner: string;
  description: string;
  /** Tags as typed: separated by commas or spaces. */
  tagsText: string;
  keyDescription: string;
  schemaFormat: TTopicDefinitionFields["schemaFormat"];
  compatibility: TCompatibility;
  produceValidation: TProduceValidation;
};

export function formFromDefinition(definition: TTopicDefinitionFields): TDefinitionForm {
  return {
    kafka: formFromPreset(definition.topicName, {
      partitions: definition.partitions,
      replicationFactor: definition.replicationFactor,
      configs: definition.configs,
    }),
    namesCleanupPolicy: "cleanup.policy" in definition.configs,
    layer: definition.layer,
    owner: definition.owner,
    description: definition.description,
    tagsText: definition.tags.join(", "),
    keyDescription: definition.keyDescription,
    schemaFormat: definition.schemaFormat,
    compatibility: definition.compatibility,
    produceValidation: definition.produceValidation,
  };
}

export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

/** Field → sentence; keys are the input's paths ("owner", "tags", "configs.retention.ms", "retention.ms"…). */
export type TDefinitionFormErrors = Record<string, string>;

/** The definition the form describes now, and every sentence about what is wrong with it. */
export function formToDefinitionInput(form: TDefinitionForm): {
  input: TTopicDefinitionInput;
  errors: TDefinitionFormErrors;
} {
  // A definition names its replication factor; the form always holds one (filled from the definition).
  const { spec, fieldErrors } = formToSpec(form.kafka, null);
  const configs = { ...spec.configs };
  if (!form.namesCleanupPolicy && configs["cleanup.policy"] === "delete") delete configs["cleanup.policy"];
  const input: TTopicDefinitionInput = {
    topicName: spec.name,
    layer: form.layer,
    owner: form.owner,
    description: form.description,
    tags: parseTags(form.tagsText),
    keyDescription: form.keyDescription,
    partitions: spec.partitions,
    replicationFactor: spec.replicationFactor,
    configs,
    schemaFormat: form.schemaFormat,
    compatibility: form.compatibility,
    produceValidation: form.produceValidation,
  };
  const errors: TDefinitionFormErrors = {};
  for (const [key, message] of Object.entries(fieldErrors)) if (message) errors[key] = message;
  const parsed = ZTopicDefinitionInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // "tags.2" → "tags": the form has one field for all tags.
      const [first, ...rest] = issue.path.map(String);
      const key = first === "configs" ? ["configs", ...rest].join(".") : (first ?? "definition");
      errors[key] ??= issue.message;
    }
  }
  return { input, errors };
}
