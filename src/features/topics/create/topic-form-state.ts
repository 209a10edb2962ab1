import { durationToMs, FOREVER_MS, splitDurationMs, type TDurationUnit } from "~/domain/topics/durations";
import { presetReplicationFactor } from "~/domain/topics/presets";
import { bytesToString, splitBytes, UNLIMITED_BYTES, type TByteUnit } from "~/domain/topics/sizes";
import type { TTopicSpec } from "~/domain/topics/topic-spec";

export const CLEANUP_POLICIES = [
  { value: "delete", label: "delete", hint: "Old segments are deleted past the retention time or size." },
  { value: "compact", label: "compact", hint: "Keeps the latest record per key; retention does not apply." },
  {
    value: "compact,delete",
    label: "compact, delete",
    hint: "Keeps the latest record per key, and deletes past retention.",
  },
] as const;
export type TCleanupPolicy = (typeof CLEANUP_POLICIES)[number]["value"];

export type TConfigRow = { id: number; name: string; value: string };

/** What the create form holds while the user types: text as typed, turned into a spec on each render. */
export type TTopicForm = {
  name: string;
  partitions: string;
  /** Null until the user touches it: then it follows the live broker count (up to 3). */
  replicationFactor: string | null;
  /** Empty amount: the broker's default applies. */
  retentionAmount: string;
  retentionUnit: TDurationUnit;
  retentionForever: boolean;
  sizeAmount: string;
  sizeUnit: TByteUnit;
  sizeUnlimited: boolean;
  cleanupPolicy: TCleanupPolicy;
  minInsyncReplicas: string;
  otherConfigs: TConfigRow[];
};

/** Configs the form has its own fields for; the "other configs" rows offer everything else. */
export const DEDICATED_CONFIGS = ["retention.ms", "retention.bytes", "cleanup.policy", "min.insync.replicas"];

export const EMPTY_TOPIC_FORM: TTopicForm = {
  name: "",
  partitions: "6",
  replicationFactor: null,
  retentionAmount: "",
  retentionUnit: "d",
  retentionForever: false,
  sizeAmount: "",
  sizeUnit: "GiB",
  sizeUnlimited: false,
  cleanupPolicy: "delete",
  minInsyncReplicas: "",
  otherConfigs: [],
};

let nextRowId = 1;
export function newConfigRow(name = "", value = ""): TConfigRow {
  return { id: nextRowId++, name, value };
}

function isCleanupPolicy(value: string | undefined): value is TCleanupPolicy {
  return CLEANUP_POLICIES.some((policy) => policy.value === value);
}

/** Fills the form from a preset's spec, keeping the name the user already typed. */
export function formFromPreset(name: string, preset: Omit<TTopicSpec, "name">): TTopicForm {
  const {
    "retention.ms": ms,
    "retention.bytes": bytes,
    "cleanup.policy": cleanup,
    "min.insync.replicas": minIsr,
    ...rest
  } = preset.configs;
  const duration = ms === undefined ? null : splitDurationMs(ms);
  const size = bytes === undefined ? null : splitBytes(bytes);
  return {
    ...EMPTY_TOPIC_FORM,
    name,
    partitions: String(preset.partitions),
    replicationFactor: String(preset.replicationFactor),
    retentionAmount: duration?.amount ?? "",
    retentionUnit: duration?.unit ?? "d",
    retentionForever: ms === FOREVER_MS,
    sizeAmount: size?.amount ?? "",
    sizeUnit: size?.unit ?? "GiB",
    sizeUnlimited: bytes === UNLIMITED_BYTES,
    cleanupPolicy: isCleanupPolicy(cleanup) ? cleanup : "delete",
    minInsyncReplicas: minIsr ?? "",
    otherConfigs: Object.entries(rest).map(([key, value]) => newConfigRow(key, value)),
  };
}

/** What the retention fields report (amount, unit, "forever"/"unlimited") as a change of the form. */
export type TAmountChange<TUnit> = { amount?: string; unit?: TUnit; isUnbounded?: boolean };

export function retentionTimeChange({ amount, unit, isUnbounded }: TAmountChange<TDurationUnit>): Partial<TTopicForm> {
  return {
    ...(amount === undefined ? {} : { retentionAmount: amount }),
    ...(unit === undefined ? {} : { retentionUnit: unit }),
    ...(isUnbounded === undefined ? {} : { retentionForever: isUnbounded }),
  };
}

export function retentionSizeChange({ amount, unit, isUnbounded }: TAmountChange<TByteUnit>): Partial<TTopicForm> {
  return {
    ...(amount === undefined ? {} : { sizeAmount: amount }),
    ...(unit === undefined ? {} : { sizeUnit: unit }),
    ...(isUnbounded === undefined ? {} : { sizeUnlimited: isUnbounded }),
  };
}

export function effectiveReplicationFactor(form: TTopicForm, liveBrokerCount: number | null): string {
  return form.replicationFactor ?? String(presetReplicationFactor(liveBrokerCount ?? 1));
}

/** Text in a number field as a number; empty is NaN so the spec's rules call it "not a whole number". */
function toNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

export type TFormSpec = {
  spec: TTopicSpec;
  /** Errors of the form's own fields that never reach the spec (an amount that is not a number…). */
  fieldErrors: Partial<Record<"retention.ms" | "retention.bytes" | `row.${number}`, string>>;
};

/** The spec the form describes now, and what in it cannot be read yet. */
export function formToSpec(form: TTopicForm, liveBrokerCount: number | null): TFormSpec {
  const configs: Record<string, string> = { "cleanup.policy": form.cleanupPolicy };
  const fieldErrors: TFormSpec["fieldErrors"] = {};

  if (form.retentionForever) configs["retention.ms"] = FOREVER_MS;
  else if (form.retentionAmount.trim() !== "") {
    const result = durationToMs(form.retentionAmount, form.retentionUnit);
    if (result.ok) configs["retention.ms"] = result.value;
    else fieldErrors["retention.ms"] = result.message;
  }
  if (form.sizeUnlimited) configs["retention.bytes"] = UNLIMITED_BYTES;
  else if (form.sizeAmount.trim() !== "") {
    const result = bytesToString(form.sizeAmount, form.sizeUnit);
    if (result.ok) configs["retention.bytes"] = result.value;
    else fieldErrors["retention.bytes"] = result.message;
  }
  if (form.minInsyncReplicas.trim() !== "") configs["min.insync.replicas"] = form.minInsyncReplicas;

  for (const row of form.otherConfigs) {
    if (row.name === "") {
      if (row.value.trim() !== "") fieldErrors[`row.${row.id}`] = "Choose which config this value is for.";
      continue;
    }
    if (DEDICATED_CONFIGS.includes(row.name)) {
      fieldErrors[`row.${row.id}`] = `${row.name} has its own field above.`;
    } else if (form.otherConfigs.some((other) => other.name === row.name && other.id < row.id)) {
      fieldErrors[`row.${row.id}`] = `${row.name} is already set in another row.`;
    } else configs[row.name] = row.value;
  }

  return {
    spec: {
      name: form.name,
      partitions: toNumber(form.partitions),
      replicationFactor: toNumber(effectiveReplicationFactor(form, liveBrokerCount)),
      configs,
    },
    fieldErrors,
  };
}
