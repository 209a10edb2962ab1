"use client";

import { useState } from "react";
import { partitionForKey } from "~/domain/partitioner/murmur2";
import { Badge } from "~/components/ui/badge";
import { Card, CardHeader } from "~/components/ui/card";
import { Field, Input } from "~/components/ui/input";
import { pluralize } from "~/lib/format";
import { KeyDistributionView } from "./key-distribution";
import { useTopicRoute } from "./use-topic-route";

/** Partition counts a user might grow to, to show that keys move when partitions are added. */
function growthSteps(count: number): { label: string; count: number }[] {
  const steps = [
    { label: "+1", count: count + 1 },
    { label: "+2", count: count + 2 },
    { label: "×2", count: count * 2 },
  ];
  return steps.filter((step, index) => steps.findIndex((other) => other.count === step.count) === index);
}

/** Where Kafka's default partitioner sends a key, now and after adding partitions. */
export function KeyCalculator({ partitionCount }: { partitionCount: number }) {
  const [key, setKey] = useState("");
  const partition = key === "" ? null : partitionForKey(key, partitionCount);
  const { clusterId, name } = useTopicRoute();
  return (
    <div className="space-y-5">
      <Card>
        <CardHeader
          title="Keys → partitions"
          description={`Which of the ${pluralize(partitionCount, "partition")} a message with a given key goes to (Kafka's default partitioner).`}
        />
        <div className="space-y-5 px-5 py-4">
          <Field label="Message key" hint="As text (UTF-8), the way a string serializer writes it.">
            <Input
              value={key}
              onChange={(event) => setKey(event.target.value)}
              placeholder="server-1-cpu"
              className="max-w-md font-mono"
              spellCheck={false}
              autoComplete="off"
            />
          </Field>
          {partition === null ? (
            <p className="text-muted text-sm">Type a key to see its partition.</p>
          ) : (
            <div className="space-y-4">
              <p aria-live="polite" className="text-sm">
                Partition{" "}
                <span className="text-accent font-mono text-2xl font-semibold" data-testid="key-partition">
                  {partition}
                </span>
                <span className="text-muted mt-1 block">
                  Kafka hashes the key with murmur2, so every message with this key goes to partition {partition} and
                  stays in order there.
                </span>
              </p>
              <div>
                <h3 className="text-sm font-medium">After adding partitions</h3>
                <ul className="divide-line border-line mt-2 divide-y rounded-md border">
                  {growthSteps(partitionCount).map((step) => {
                    const next = partitionForKey(key, step.count);
                    return (
                      <li key={step.label} className="flex items-center gap-3 px-3 py-2 text-sm">
                        <span className="text-muted w-40">
                          {step.label} → {pluralize(step.count, "partition")}
                        </span>
                        <span className="font-mono">partition {next}</span>
                        {next === partition ? (
                          <Badge tone="ok">stays</Badge>
                        ) : (
                          <Badge tone="warn">moves from {partition}</Badge>
                        )}
                      </li>
                    );
                  })}
                </ul>
                <p className="text-muted mt-2 text-xs">
                  A key that moves keeps its old messages in partition {partition}; only new ones go to the new
                  partition, so its order is split between the two.
                </p>
              </div>
            </div>
          )}
        </div>
      </Card>
      <KeyDistributionView clusterId={clusterId} name={name} />
    </div>
  );
}
