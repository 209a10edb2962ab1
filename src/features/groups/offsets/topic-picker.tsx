"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { isInternalTopicName } from "~/domain/topics/topic-name";
import { Field, Input } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";

/** A topic name field that suggests the cluster's topics (Kafka's internal ones left out). */
export function TopicPicker({
  clusterId,
  value,
  onChange,
  disabled,
}: {
  clusterId: string;
  value: string;
  onChange: (topic: string) => void;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const listId = useId();
  const names = useQuery(trpc.topics.names.queryOptions({ clusterId }));
  const topics = (names.data ?? []).filter((name) => !isInternalTopicName(name));
  return (
    <Field label="Topic" hint="The topic whose committed offsets change.">
      <Input
        list={listId}
        value={value}
        onChange={(event) => onChange(event.target.value.trim())}
        className="font-mono"
        spellCheck={false}
        autoComplete="off"
        disabled={disabled}
        data-autofocus
      />
      <datalist id={listId}>
        {topics.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </Field>
  );
}
