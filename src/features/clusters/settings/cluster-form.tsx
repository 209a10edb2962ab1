"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PlugZap, Save } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Checkbox, Field, Input } from "~/components/ui/input";
import type { TCluster } from "~/domain/cluster";
import { useTRPC } from "~/trpc/react";
import { ColourPicker } from "./colour-picker";
import {
  connectionKeyOf,
  formFromCluster,
  settingsFromForm,
  validateForm,
  type TClusterForm,
} from "./cluster-form-state";
import { ConnectionTestResult } from "./connection-test-result";
import { SecurityFields } from "./security-fields";

/**
 * Adds a cluster (`cluster` null) or changes one. The connection is tested before it is saved: Save
 * waits for a passing test of exactly these connection settings (the server tests once more).
 */
export function ClusterForm({ cluster }: { cluster: TCluster | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [initial] = useState(() => formFromCluster(cluster));
  const [form, setForm] = useState<TClusterForm>(initial);
  const [isChecked, setChecked] = useState(false);
  // The connection settings of the last test, as connectionKeyOf says them.
  const [testedKey, setTestedKey] = useState<string | null>(null);
  const test = useMutation(trpc.clusters.test.mutationOptions());
  const onSaved = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.clusters.list.queryKey() });
    router.push("/admin/clusters");
  };
  const add = useMutation({ ...trpc.clusters.add.mutationOptions(), onSuccess: onSaved });
  const update = useMutation({ ...trpc.clusters.update.mutationOptions(), onSuccess: onSaved });
  const save = cluster ? update : add;
  const errors = isChecked ? validateForm(form) : {};
  const key = connectionKeyOf(form);
  const isConnectionLocked = cluster?.isDefault === true;
  const needsTest = key !== connectionKeyOf(initial) || cluster === null;
  const hasPassed = !test.isPending && test.data?.ok === true && testedKey === key;
  const isStale = test.data !== undefined && testedKey !== key;

  function change(patch: Partial<TClusterForm>) {
    setForm((previous) => ({ ...previous, ...patch }));
  }

  function isValid(): boolean {
    setChecked(true);
    return Object.keys(validateForm(form)).length === 0;
  }

  function runTest() {
    if (!isValid()) return;
    setTestedKey(key);
    test.mutate({ clusterId: cluster?.id, settings: settingsFromForm(form) });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isValid() || (needsTest && !hasPassed) || save.isPending) return;
    const settings = settingsFromForm(form);
    if (cluster) update.mutate({ clusterId: cluster.id, settings });
    else add.mutate({ settings });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-6"
      aria-label={cluster ? "Cluster settings" : "Add a cluster"}
    >
      <Card className="space-y-5 p-5">
        {isConnectionLocked ? (
          <p className="text-muted text-sm">
            This is Tributary&apos;s default cluster: its name and connection come from KAFKA_CLUSTER_NAME and
            KAFKA_BROKERS. Its label, colour and read-only mode can be changed here.
          </p>
        ) : null}
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Name" error={errors.name}>
            <Input
              value={form.name}
              disabled={isConnectionLocked}
              autoComplete="off"
              onChange={(event) => change({ name: event.target.value })}
            />
          </Field>
          <Field label="Bootstrap servers" hint="host:port, separated by commas." error={errors.bootstrapServers}>
            <Input
              value={form.bootstrapServers}
              disabled={isConnectionLocked}
              className="font-mono"
              spellCheck={false}
              autoComplete="off"
              placeholder="kafka-1.example.com:9093"
              onChange={(event) => change({ bootstrapServers: event.target.value })}
            />
          </Field>
          <Field label="Label" hint="A word every page shows with the name, e.g. production." error={errors.label}>
            <Input value={form.label} autoComplete="off" onChange={(event) => change({ label: event.target.value })} />
          </Field>
          <ColourPicker value={form.colour} onChange={(colour) => change({ colour })} />
        </div>
        <Checkbox
          label="Read-only: Tributary refuses every change to this cluster (produce, offset resets, topics…)"
          checked={form.isReadOnly}
          onChange={(event) => change({ isReadOnly: event.target.checked })}
        />
      </Card>

      <Card className="space-y-5 p-5">
        <SecurityFields
          form={form}
          errors={errors}
          onChange={change}
          hasStoredPassword={cluster?.sasl?.hasPassword === true}
          hasStoredClientKey={cluster?.tls?.hasClientKey === true}
          disabled={isConnectionLocked}
        />
      </Card>

      <div className="space-y-3" aria-live="polite">
        {test.data ? <ConnectionTestResult result={test.data} isStale={isStale} /> : null}
        <ErrorBanner error={test.error} />
        <ErrorBanner error={save.error} />
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={runTest} disabled={test.isPending || isConnectionLocked}>
          <PlugZap aria-hidden className="size-4" />
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
        <Button type="submit" variant="primary" disabled={(needsTest && !hasPassed) || save.isPending}>
          <Save aria-hidden className="size-4" />
          {save.isPending ? "Saving…" : cluster ? "Save changes" : "Add cluster"}
        </Button>
        {needsTest && !hasPassed ? (
          <p className="text-muted text-sm" data-testid="save-needs-test">
            Test the connection first: a cluster is saved only once it connects.
          </p>
        ) : null}
      </div>
    </form>
  );
}
