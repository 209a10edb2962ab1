/**
 * The registry's entry type: everything Tributary knows about one node kind. Each kind lives in
 * its own folder under `kinds/` and exports one `TNodeKindSpec`; `kinds/index.ts` lists them.
 * The document schema, the palette, the generic inspector form, the canvas node, the rules and the
 * step engine all read from here, so adding a kind means adding one folder (and one line there).
 */
import type { z } from "zod";
import type { TStep, TStepContext } from "./step-types";

export const NODE_KINDS = ["topic", "filter", "map", "clean", "route", "enrich", "window", "model"] as const;
export type TNodeKind = (typeof NODE_KINDS)[number];

/** Icons the canvas and palette draw (mapped to lucide-react in the UI). */
export type TKindIcon = "database" | "filter" | "wand" | "sparkles" | "split" | "merge" | "timer" | "brain";

/**
 * One field of the inspector's form, addressed by a dot path into the node's config
 * (`window.sizeMs`, `routes`). The form is generic: it renders these, validates with the kind's
 * zod schema and shows each issue under the field whose path it names.
 */
export type TFieldSpec =
  | (TFieldBase<"text"> & { placeholder?: string })
  /** A JSONata expression, checked as typed and evaluated on a sample message beside it. */
  | (TFieldBase<"jsonata"> & { result: "predicate" | "value"; placeholder?: string })
  | (TFieldBase<"number"> & { min?: number; max?: number; step?: number })
  /** Milliseconds, edited with a unit (ms, s, min, h). */
  | TFieldBase<"duration">
  | TFieldBase<"boolean">
  | (TFieldBase<"select"> & {
      options: readonly { value: string; label: string }[];
      /**
       * A variant choice (a discriminator such as `window.type`): choosing a value replaces the whole
       * object holding the field (`window`) with `variants[value]()`, so the new variant starts valid.
       */
      variants?: Readonly<Record<string, () => unknown>>;
    })
  | (TFieldBase<"multi-select"> & { options: readonly { value: string; label: string }[] })
  /** A list of field paths of the value (`payload.cpu`), e.g. the fields to drop. */
  | TFieldBase<"field-list">
  /** A list of objects, each edited with `item` (paths relative to the item). */
  | (TFieldBase<"list"> & { item: readonly TFieldSpec[]; addLabel: string; newItem: () => unknown })
  /** A topic of the cluster, picked from the definitions and live topics. */
  | TFieldBase<"topic">
  /** An uploaded ONNX model, picked by name or uploaded from the inspector. */
  | TFieldBase<"model">;

type TFieldBase<T extends string> = { type: T; path: string; label: string; help?: string };

export type TNodeKindSpec<TConfig = unknown> = {
  kind: TNodeKind;
  /** "Window aggregate": palette and inspector title. */
  label: string;
  /** One sentence for the palette's tooltip. */
  description: string;
  icon: TKindIcon;
  /** Topics hold data; steps process it and sit between topics. */
  category: "topic" | "step";
  config: z.ZodType<TConfig>;
  defaults(): TConfig;
  /** The inspector's fields for this config (a function, so that a chosen variant shows its own). */
  fields(config: TConfig): readonly TFieldSpec[];
  /** One line under the node's title on the canvas, e.g. `$.value > 90` or `tumbling 1 min: avg, p95`. */
  summary(config: TConfig): string;
  /** Input ports ("in"; enrich also "table"). Topics: ["in"]. */
  inputs(config: TConfig): readonly string[];
  /** Output ports ("out"; route: its route names and "default"). Topics: ["out"]. */
  outputs(config: TConfig): readonly string[];
  /** Whether the step keeps state per key, so its input must be keyed (dedupe, window, z-score, enrich). */
  perKey(config: TConfig): boolean;
  /** Whether the step can send records to the dead-letter topic. */
  deadLetters(config: TConfig): boolean;
  /** Builds the step (null for topics). Throws StepConfigError with a sentence when the config cannot run. */
  createStep: ((context: TStepContext<TConfig>) => TStep) | null;
};
