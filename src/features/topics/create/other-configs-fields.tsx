import { Plus, Trash2 } from "lucide-react";
import { Button } from "~/components/ui/button";
import { Input, Select } from "~/components/ui/input";
import { findTopicConfig, TOPIC_CONFIGS } from "~/domain/topics/topic-configs";
import { DEDICATED_CONFIGS, newConfigRow, type TConfigRow } from "./topic-form-state";

const OFFERED = TOPIC_CONFIGS.filter((config) => !DEDICATED_CONFIGS.includes(config.name)).sort((a, b) =>
  a.name.localeCompare(b.name),
);

type OtherConfigsFieldsProps = {
  rows: TConfigRow[];
  errorOf: (row: TConfigRow) => string | undefined;
  onChange: (rows: TConfigRow[]) => void;
};

/** Any other topic config as name + value rows, each checked as Kafka would check it. */
export function OtherConfigsFields({ rows, errorOf, onChange }: OtherConfigsFieldsProps) {
  const change = (id: number, patch: Partial<TConfigRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium">Other configs</legend>
      {rows.length === 0 ? (
        <p className="text-muted text-xs">None: every other config takes the broker&apos;s default.</p>
      ) : null}
      {rows.map((row, index) => {
        const config = findTopicConfig(row.name);
        const error = errorOf(row);
        const errorId = error ? `config-row-${row.id}-error` : undefined;
        return (
          <div key={row.id} className="space-y-1" data-testid="config-row">
            <div className="flex items-center gap-2">
              <Select
                aria-label={`Config ${index + 1} name`}
                value={row.name}
                onChange={(event) => change(row.id, { name: event.target.value })}
                className="w-64 font-mono"
              >
                <option value="">Choose a config…</option>
                {OFFERED.map((option) => (
                  <option key={option.name} value={option.name}>
                    {option.name}
                  </option>
                ))}
              </Select>
              <Input
                aria-label={`Config ${index + 1} value`}
                aria-invalid={error ? true : undefined}
                aria-describedby={errorId}
                placeholder={config ? `default ${config.defaultValue || "(empty)"}` : "value"}
                value={row.value}
                onChange={(event) => change(row.id, { value: event.target.value })}
                className="min-w-0 flex-1 font-mono"
              />
              <Button
                variant="ghost"
                aria-label={`Remove config ${index + 1}`}
                onClick={() => onChange(rows.filter((other) => other.id !== row.id))}
                className="px-2"
              >
                <Trash2 aria-hidden className="size-4" />
              </Button>
            </div>
            {config ? <p className="text-muted text-xs">{config.description}</p> : null}
            {error ? (
              <p id={errorId} className="text-danger text-xs">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <Button variant="ghost" onClick={() => onChange([...rows, newConfigRow()])} className="-ml-2">
        <Plus aria-hidden className="size-4" />
        Add config
      </Button>
    </fieldset>
  );
}
