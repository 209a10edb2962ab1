"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { catalogueHref, definitionHref, parseTopicsParam } from "~/components/definitions/definition-links";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { DefinitionBreadcrumb } from "../detail/definition-breadcrumb";
import { DraftCard } from "./draft-card";
import { draftErrors, draftFormOf, importRequestOf, undefinedTopics, type TDraftForm } from "./import-state";
import { TopicChecklist } from "./topic-checklist";

/** Existing topics as definitions: pick them, read drafts (Kafka's values, a schema inferred from recent messages), edit, save. */
export function ImportPage({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { can } = useMe();
  const permission = can("operator");
  const topicsParam = useSearchParams().get("topics");
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(parseTopicsParam(topicsParam)));
  const [drafts, setDrafts] = useState<TDraftForm[] | null>(null);
  const [isSubmitted, setIsSubmitted] = useState(false);
  const names = useQuery(trpc.topics.names.queryOptions({ clusterId }));
  const defined = useQuery(trpc.definitions.list.queryOptions({ clusterId }));
  const read = useMutation({
    ...trpc.definitions.importDrafts.mutationOptions(),
    onSuccess: (result) => {
      setDrafts(result.map(draftFormOf));
      setIsSubmitted(false);
    },
  });
  const save = useMutation({
    ...trpc.definitions.importTopics.mutationOptions(),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.definitions.pathKey() });
      const [only, ...more] = drafts ?? [];
      router.push(
        only && more.length === 0 ? definitionHref(clusterId, only.definition.topicName) : catalogueHref(clusterId),
      );
    },
  });
  const topics =
    names.data && defined.data
      ? undefinedTopics(
          names.data,
          defined.data.map((d) => d.topicName),
        )
      : null;
  const errors = (drafts ?? []).map(draftErrors);
  const hasErrors = errors.some((fieldErrors) => Object.keys(fieldErrors).length > 0);

  function saveDrafts() {
    setIsSubmitted(true);
    if (!drafts || hasErrors || save.isPending) return;
    save.mutate({ clusterId, drafts: importRequestOf(drafts) });
  }

  return (
    <section aria-labelledby="import-heading" className="space-y-5">
      <header className="space-y-2">
        <DefinitionBreadcrumb clusterId={clusterId} current="Import topics" />
        <h1 id="import-heading" className="text-2xl font-semibold">
          Import topics
        </h1>
        <p className="text-muted text-sm">
          Each topic becomes a definition with what Kafka holds now and a JSON Schema inferred from its recent messages
          (read without a consumer group). Nothing in Kafka changes.
        </p>
      </header>

      {drafts === null ? (
        <Card aria-labelledby="pick-heading">
          <CardHeader
            title={<span id="pick-heading">Topics not defined yet</span>}
            actions={
              <Button
                variant="primary"
                disabled={selected.size === 0 || read.isPending}
                onClick={() => read.mutate({ clusterId, topicNames: [...selected] })}
              >
                {read.isPending ? "Reading messages…" : `Read ${pluralize(selected.size, "draft")}`}
              </Button>
            }
          />
          <div className="space-y-4 px-5 py-4">
            <ErrorBanner error={names.error ?? defined.error ?? read.error} />
            {topics ? (
              <TopicChecklist topics={topics} selected={selected} onChange={setSelected} />
            ) : names.isError || defined.isError ? null : (
              <div aria-busy="true" aria-label="Loading topics" className="space-y-2">
                <Skeleton className="h-5 w-1/2" />
                <Skeleton className="h-5 w-1/3" />
              </div>
            )}
          </div>
        </Card>
      ) : (
        <>
          {drafts.map((draft, index) => (
            <DraftCard
              key={draft.definition.topicName}
              draft={draft}
              errors={isSubmitted ? (errors[index] ?? {}) : {}}
              onChange={(next) => setDrafts(drafts.map((other, at) => (at === index ? next : other)))}
            />
          ))}
          <ErrorBanner error={save.error} />
          <div className="flex flex-wrap items-center justify-end gap-3">
            <RoleNote permission={permission} />
            <Button onClick={() => setDrafts(null)} disabled={save.isPending}>
              Back to the topics
            </Button>
            <Button variant="primary" onClick={saveDrafts} disabled={!permission.allowed || save.isPending}>
              {save.isPending ? "Saving…" : `Save ${pluralize(drafts.length, "definition")}`}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
