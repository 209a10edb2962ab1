"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient, skipToken } from "@tanstack/react-query";
import { useState } from "react";
import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { Field, Select, Textarea } from "~/components/ui/input";
import { SCHEMA_FORMAT_LABELS, SCHEMA_FORMATS, type TSchemaFormat } from "~/domain/definitions/definition";
import type { TDefinitionDetail } from "~/domain/definitions/definition-dto";
import { useTRPC } from "~/trpc/react";
import { SchemaCheckNote } from "./schema-check-note";
import { SchemaVersions } from "./schema-versions";
import { useDebouncedValue } from "./use-debounced-value";

/** How long typing pauses before the schema is checked on the server (it compiles with ajv/avsc/protobufjs there). */
const CHECK_DEBOUNCE_MS = 400;

/** The value schema: its versions, and an editor for the next one with live compile and compatibility feedback. */
export function SchemaPanel({ clusterId, detail }: { clusterId: string; detail: TDefinitionDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { can } = useMe();
  const permission = can("operator");
  const latest = detail.schemaVersions.at(-1) ?? null;
  const [format, setFormat] = useState<TSchemaFormat>(latest?.format ?? detail.schemaFormat ?? "json");
  const [text, setText] = useState(latest?.text ?? "");
  const nextVersion = (latest?.version ?? 0) + 1;
  // Strings, not an object: a new object each render would restart the pause forever.
  const settled = {
    format: useDebouncedValue(format, CHECK_DEBOUNCE_MS),
    text: useDebouncedValue(text, CHECK_DEBOUNCE_MS),
  };
  const isUnchanged = latest !== null && text === latest.text && format === latest.format;
  const check = useQuery({
    ...trpc.definitions.checkSchema.queryOptions(
      settled.text.trim() === "" || isUnchanged
        ? skipToken
        : { clusterId, topicName: detail.topicName, format: settled.format, text: settled.text },
    ),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const add = useMutation({
    ...trpc.definitions.addSchemaVersion.mutationOptions(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.definitions.pathKey() }),
  });
  const isTyping = settled.text !== text || settled.format !== format;
  const isRefused = Boolean(check.data?.compileError) || check.data?.compatibility.ok === false;

  return (
    <Card aria-labelledby="schema-heading" data-testid="schema-panel">
      <CardHeader
        title={<span id="schema-heading">Value schema</span>}
        description={`New versions must be ${detail.compatibility}-compatible with the previous one (set in the definition).`}
      />
      <div className="grid gap-6 px-5 py-4 lg:grid-cols-[1fr_2fr]">
        <SchemaVersions
          versions={detail.schemaVersions}
          onOpen={(version) => {
            setFormat(version.format);
            setText(version.text);
          }}
        />
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim() === "" || isUnchanged || add.isPending) return;
            add.mutate({ clusterId, topicName: detail.topicName, format, text });
          }}
        >
          <Field label="Format" className="max-w-xs">
            <Select value={format} onChange={(event) => setFormat(event.target.value as TSchemaFormat)}>
              {SCHEMA_FORMATS.map((option) => (
                <option key={option} value={option}>
                  {SCHEMA_FORMAT_LABELS[option]}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={`Version ${nextVersion}`}
            hint={isUnchanged ? `Edit version ${latest?.version} to make the next one.` : undefined}
          >
            <Textarea
              rows={16}
              value={text}
              onChange={(event) => setText(event.target.value)}
              spellCheck={false}
              className="text-xs"
              placeholder={format === "json" ? '{ "type": "object", … }' : undefined}
            />
          </Field>
          {text.trim() !== "" && !isUnchanged ? (
            <SchemaCheckNote
              check={check.data}
              error={check.error}
              isChecking={isTyping || check.isFetching}
              compatibility={detail.compatibility}
            />
          ) : null}
          <ErrorBanner error={add.error} />
          <div className="flex items-center justify-end gap-3">
            <RoleNote permission={permission} />
            <Button
              type="submit"
              variant="primary"
              disabled={!permission.allowed || add.isPending || text.trim() === "" || isUnchanged || isRefused}
            >
              {add.isPending ? "Saving…" : `Save as version ${nextVersion}`}
            </Button>
          </div>
        </form>
      </div>
    </Card>
  );
}
