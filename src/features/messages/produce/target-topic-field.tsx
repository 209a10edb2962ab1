"use client";

import { useQuery } from "@tanstack/react-query";
import { isInternalTopicName } from "~/domain/topics/topic-name";
import { Field, Select } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";

type TargetTopicFieldProps = { clusterId: string; value: string; onChange: (topic: string) => void };

/** The topic a replay goes to: this one by default, or any other non-internal topic of the cluster. */
export function TargetTopicField({ clusterId, value, onChange }: TargetTopicFieldProps) {
  const trpc = useTRPC();
  const names = useQuery(trpc.topics.names.queryOptions({ clusterId }));
  const choices = (names.data ?? [value]).filter((name) => !isInternalTopicName(name));
  return (
    <Field label="To topic" hint="The partition below keeps the original's unless you change it.">
      <Select value={value} onChange={(event) => onChange(event.target.value)}>
        {(choices.includes(value) ? choices : [value, ...choices]).map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
