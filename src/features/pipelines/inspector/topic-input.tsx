"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId } from "react";
import { definitionHref, importHref } from "~/components/definitions/definition-links";
import { Input } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";

/**
 * A topic name, suggested from the cluster's definitions and live topics. A topic without a
 * definition links to the definitions' own pages to create one: the import page when the topic
 * exists in Kafka (it starts from what Kafka holds), else the definition page, which offers the same.
 */
export function TopicInput({
  id,
  clusterId,
  value,
  onChange,
}: {
  id?: string;
  clusterId: string;
  value: unknown;
  onChange: (topicName: string) => void;
}) {
  const trpc = useTRPC();
  const listId = useId();
  const definitions = useQuery(trpc.definitions.list.queryOptions({ clusterId }));
  const live = useQuery(trpc.topics.names.queryOptions({ clusterId }));
  const name = typeof value === "string" ? value : "";
  const defined = new Set((definitions.data ?? []).map((definition) => definition.topicName));
  const liveNames = new Set(live.data ?? []);
  const suggestions = [...new Set([...defined, ...liveNames])].sort();
  const trimmed = name.trim();
  return (
    <div className="space-y-1">
      <Input
        id={id}
        list={listId}
        className="font-mono"
        value={name}
        placeholder="telemetry.raw"
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {suggestions.map((topic) => (
          <option key={topic} value={topic} />
        ))}
      </datalist>
      {trimmed && definitions.data && !defined.has(trimmed) ? (
        <p className="text-muted text-xs">
          {liveNames.has(trimmed) ? "This topic has no definition. " : "No topic or definition has this name yet. "}
          <Link
            className="text-accent hover:underline"
            href={liveNames.has(trimmed) ? importHref(clusterId, [trimmed]) : definitionHref(clusterId, trimmed)}
            target="_blank"
          >
            Create definition
          </Link>
        </p>
      ) : null}
    </div>
  );
}
