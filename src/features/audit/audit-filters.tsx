"use client";

import type { FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { Field, Input, Select } from "~/components/ui/input";
import type { TAuditFilter } from "~/domain/audit/audit-filter";
import { instantToLocalInput, localInputToInstant } from "./audit-url";

type AuditFiltersProps = {
  filter: TAuditFilter;
  clusters: readonly { id: string; name: string }[];
  onApply: (filter: TAuditFilter) => void;
};

const emptyToUndefined = (value: FormDataEntryValue | null) =>
  typeof value === "string" && value.trim() ? value.trim() : undefined;

/** The filter form; applied on submit (Enter in any field), so typing does not reload the log per key. */
export function AuditFilters({ filter, clusters, onApply }: AuditFiltersProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onApply({
      actor: emptyToUndefined(data.get("actor")),
      action: emptyToUndefined(data.get("action")),
      clusterId: emptyToUndefined(data.get("clusterId")),
      target: emptyToUndefined(data.get("target")),
      outcome: emptyToUndefined(data.get("outcome")) as TAuditFilter["outcome"],
      from: localInputToInstant(String(data.get("from") ?? "")),
      to: localInputToInstant(String(data.get("to") ?? "")),
    });
  }

  return (
    // Keyed by the filter: a new URL (back button, shared link) re-seeds the uncontrolled fields.
    <form key={JSON.stringify(filter)} onSubmit={submit} aria-label="Filter the audit log" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Actor" hint="Name or account id">
          <Input name="actor" defaultValue={filter.actor ?? ""} placeholder="e.g. Ada" />
        </Field>
        <Field label="Action" hint="e.g. topic.delete, messages.">
          <Input name="action" defaultValue={filter.action ?? ""} />
        </Field>
        <Field label="Cluster">
          <Select name="clusterId" defaultValue={filter.clusterId ?? ""}>
            <option value="">All clusters</option>
            {clusters.map((cluster) => (
              <option key={cluster.id} value={cluster.id}>
                {cluster.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Target" hint="Topic or group name">
          <Input name="target" defaultValue={filter.target ?? ""} />
        </Field>
        <Field label="Result">
          <Select name="outcome" defaultValue={filter.outcome ?? ""}>
            <option value="">Any result</option>
            <option value="ok">ok</option>
            <option value="error">error</option>
            <option value="pending">pending</option>
          </Select>
        </Field>
        <Field label="From" hint="Your local time">
          <Input name="from" type="datetime-local" defaultValue={instantToLocalInput(filter.from)} />
        </Field>
        <Field label="Until" hint="Your local time">
          <Input name="to" type="datetime-local" defaultValue={instantToLocalInput(filter.to)} />
        </Field>
        <div className="flex items-end gap-2">
          <Button type="submit" variant="primary">
            Apply filters
          </Button>
          <Button type="button" variant="ghost" onClick={() => onApply({})}>
            Clear
          </Button>
        </div>
      </div>
    </form>
  );
}
