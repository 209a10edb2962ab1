"use client";

import { Field, Input } from "~/components/ui/input";
import { CleanupAndMinIsrFields } from "~/features/topics/create/cleanup-fields";
import { OtherConfigsFields } from "~/features/topics/create/other-configs-fields";
import { RetentionSizeFields, RetentionTimeFields } from "~/features/topics/create/retention-fields";
import { retentionSizeChange, retentionTimeChange, type TTopicForm } from "~/features/topics/create/topic-form-state";
import type { TDefinitionFormErrors } from "./definition-form-state";

type DefinitionKafkaFieldsProps = {
  form: TTopicForm;
  errors: TDefinitionFormErrors;
  onChange: (change: Partial<TTopicForm>) => void;
};

/** What Kafka should hold for the topic: the create dialog's fields and rules, as the intended state. */
export function DefinitionKafkaFields({ form, errors, onChange }: DefinitionKafkaFieldsProps) {
  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 text-sm font-semibold">In Kafka</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Partitions" error={errors.partitions} hint="Apply adds partitions; Kafka never removes them.">
          <Input
            inputMode="numeric"
            value={form.partitions}
            onChange={(event) => onChange({ partitions: event.target.value })}
          />
        </Field>
        <Field
          label="Replication factor"
          error={errors.replicationFactor}
          hint="Used when the topic is created; Tributary does not reassign replicas of an existing topic."
        >
          <Input
            inputMode="numeric"
            value={form.replicationFactor ?? ""}
            onChange={(event) => onChange({ replicationFactor: event.target.value })}
          />
        </Field>
      </div>
      <RetentionTimeFields
        amount={form.retentionAmount}
        unit={form.retentionUnit}
        isForever={form.retentionForever}
        error={errors["retention.ms"] ?? errors["configs.retention.ms"]}
        onChange={(change) => onChange(retentionTimeChange(change))}
      />
      <RetentionSizeFields
        amount={form.sizeAmount}
        unit={form.sizeUnit}
        isUnlimited={form.sizeUnlimited}
        error={errors["retention.bytes"] ?? errors["configs.retention.bytes"]}
        onChange={(change) => onChange(retentionSizeChange(change))}
      />
      <CleanupAndMinIsrFields
        form={form}
        cleanupError={errors["configs.cleanup.policy"]}
        minIsrError={errors["configs.min.insync.replicas"]}
        onCleanupPolicyChange={(cleanupPolicy) => onChange({ cleanupPolicy })}
        onMinIsrChange={(minInsyncReplicas) => onChange({ minInsyncReplicas })}
      />
      <OtherConfigsFields
        rows={form.otherConfigs}
        errorOf={(row) => errors[`row.${row.id}`] ?? errors[`configs.${row.name}`]}
        onChange={(otherConfigs) => onChange({ otherConfigs })}
      />
    </fieldset>
  );
}
