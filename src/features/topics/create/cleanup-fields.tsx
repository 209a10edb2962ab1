import { Field, Input, Select } from "~/components/ui/input";
import { CLEANUP_POLICIES, type TCleanupPolicy, type TTopicForm } from "./topic-form-state";

type CleanupAndMinIsrFieldsProps = {
  form: Pick<TTopicForm, "cleanupPolicy" | "minInsyncReplicas">;
  cleanupError: string | undefined;
  minIsrError: string | undefined;
  onCleanupPolicyChange: (cleanupPolicy: TCleanupPolicy) => void;
  onMinIsrChange: (minInsyncReplicas: string) => void;
};

/** The cleanup policy and min.insync.replicas side by side (the create dialog and topic definitions). */
export function CleanupAndMinIsrFields(props: CleanupAndMinIsrFieldsProps) {
  const { form, cleanupError, minIsrError, onCleanupPolicyChange, onMinIsrChange } = props;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        label="Cleanup policy"
        error={cleanupError}
        hint={CLEANUP_POLICIES.find((policy) => policy.value === form.cleanupPolicy)?.hint}
      >
        <Select
          value={form.cleanupPolicy}
          onChange={(event) => onCleanupPolicyChange(event.target.value as TCleanupPolicy)}
        >
          {CLEANUP_POLICIES.map((policy) => (
            <option key={policy.value} value={policy.value}>
              {policy.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="min.insync.replicas"
        error={minIsrError}
        hint="Replicas that must have a write before acks=all succeeds. Empty: the broker's default."
      >
        <Input
          inputMode="numeric"
          placeholder="default"
          value={form.minInsyncReplicas}
          onChange={(event) => onMinIsrChange(event.target.value)}
        />
      </Field>
    </div>
  );
}
