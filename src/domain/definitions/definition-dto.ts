/**
 * What the `definitions.*` procedures return (the router contract shared by the server and the
 * catalogue). Dates travel as Date through superjson.
 */
import type { TStepEvent } from "~/domain/progress/step-event";
import type { TConformanceResult } from "~/domain/schemas/conformance";
import type { TSchemaFormat, TTopicDefinition, TTopicDefinitionFields, TTopicLayer } from "./definition";
import type { TDrift, TDriftState } from "./drift";
import type { TPlan } from "./plan";

/** One row of the catalogue. */
export type TDefinitionSummary = {
  topicName: string;
  layer: TTopicLayer;
  owner: string;
  tags: string[];
  description: string;
  schemaFormat: TSchemaFormat | null;
  latestSchemaVersion: number | null;
  /** "unknown" with a sentence when Kafka could not be asked. */
  drift: { state: TDriftState | "unknown"; fieldCount: number; sentence?: string };
  conformance: { checkedAt: Date; sampled: number; matched: number; failure: string | null } | null;
};

/** A stored conformance check: what was sampled against which schema version, or why it could not run. */
export type TStoredConformance = TConformanceResult & {
  checkedAt: Date;
  schemaVersion: number;
  failure: string | null;
};

export type TDefinitionDetail = TTopicDefinition & {
  /** Null when Kafka could not be asked; `driftFailure` says why. */
  drift: TDrift | null;
  driftFailure: string | null;
  conformance: TStoredConformance | null;
};

/** An existing topic read back as a definition to edit before saving. */
export type TImportDraft = {
  definition: TTopicDefinitionFields;
  /** A draft-2020-12 JSON Schema inferred from recent values; null when they are not JSON (or there are none). */
  inferredSchemaText: string | null;
  sampled: number;
  /** Why no schema was inferred, or what to check. */
  note: string | null;
};

export type TSchemaCheck = {
  compileError: string | null;
  compatibility: { ok: true } | { ok: false; reasons: string[] };
  previousVersion: number | null;
};

/** What `definitions.applyPlan` streams: the plan it runs, each step as it runs, then how it ended. */
export type TApplyEvent =
  | { kind: "plan"; plan: TPlan }
  | TStepEvent
  | { kind: "finished"; applied: number; failed: boolean; cancelled: boolean };
