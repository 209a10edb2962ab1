"use client";

import { useState } from "react";
import { Field, Input, Select, Textarea } from "~/components/ui/input";
import {
  DELIVERY_MODES,
  PIPELINE_NAME_PATTERN,
  ZPipelineSettings,
  type TPipelineDocument,
  type TPipelineSettings,
} from "~/domain/pipelines/document";
import { TopicInput } from "./topic-input";

const DELIVERY_LABELS: Record<(typeof DELIVERY_MODES)[number], string> = {
  "at-least-once": "At least once (a crash may repeat records)",
  "exactly-once": "Exactly once (Kafka transactions)",
};

type TDocumentEdit = (document: TPipelineDocument) => TPipelineDocument;

/** What the inspector shows when nothing is selected: the pipeline's name, description and settings. */
export function PipelineSettingsForm({
  clusterId,
  document,
  onChange,
}: {
  clusterId: string;
  document: TPipelineDocument;
  onChange: (edit: TDocumentEdit, mergeKey: string) => void;
}) {
  // The name is kept as typed; the document takes it once it is a valid name (else it cannot be saved).
  const [name, setName] = useState(document.name);
  const [appliedName, setAppliedName] = useState(document.name);
  if (document.name !== appliedName) {
    setAppliedName(document.name);
    setName(document.name);
  }
  const nameValid = PIPELINE_NAME_PATTERN.test(name.trim());
  const { settings } = document;
  const setSetting = <K extends keyof TPipelineSettings>(key: K, value: TPipelineSettings[K]) => {
    const next = ZPipelineSettings.safeParse({ ...settings, [key]: value });
    if (next.success)
      onChange((current) => ({ ...current, settings: { ...current.settings, [key]: value } }), `settings.${key}`);
  };
  return (
    <div className="space-y-4">
      <Field
        label="Name"
        error={
          nameValid
            ? null
            : "A pipeline name is letters, digits, spaces, '.', '_' or '-', starting with a letter or digit."
        }
      >
        <Input
          value={name}
          maxLength={100}
          onChange={(event) => {
            const typed = event.target.value;
            setName(typed);
            if (PIPELINE_NAME_PATTERN.test(typed.trim())) {
              setAppliedName(typed.trim());
              onChange((current) => ({ ...current, name: typed.trim() }), "name");
            }
          }}
        />
      </Field>
      <Field label="Description">
        <Textarea
          rows={3}
          className="font-sans"
          value={document.description}
          onChange={(event) => {
            const description = event.target.value;
            onChange((current) => ({ ...current, description }), "description");
          }}
        />
      </Field>
      <Field label="Delivery">
        <Select
          value={settings.deliveryMode}
          onChange={(event) => setSetting("deliveryMode", event.target.value as TPipelineSettings["deliveryMode"])}
        >
          {DELIVERY_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {DELIVERY_LABELS[mode]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Dead-letter topic" hint="Records a step could not process go here, with the reason. Empty: none.">
        <TopicInput
          clusterId={clusterId}
          value={settings.deadLetterTopic ?? ""}
          onChange={(topic) => setSetting("deadLetterTopic", topic.trim() === "" ? null : topic)}
        />
      </Field>
      <Field
        label="Instances per step"
        hint="Consumers in each step's group; more than the input's partitions sit idle."
      >
        <Input
          type="number"
          min={1}
          max={256}
          value={settings.instances}
          onChange={(event) => setSetting("instances", Number(event.target.value))}
        />
      </Field>
      <Field label="Start from" hint="Where a newly deployed step reads when its group has no committed offset.">
        <Select
          value={settings.startFrom}
          onChange={(event) => setSetting("startFrom", event.target.value as TPipelineSettings["startFrom"])}
        >
          <option value="latest">The newest records (latest)</option>
          <option value="earliest">The oldest records (earliest)</option>
        </Select>
      </Field>
    </div>
  );
}
