/** Type coercions of the clean step: the converted value, or null when it cannot be converted. */
import type { COERCE_TYPES } from "./config";

type TCoerceType = (typeof COERCE_TYPES)[number];
export type TCoerced = { ok: true; value: unknown } | { ok: false };

const FAILED: TCoerced = { ok: false };
const ok = (value: unknown): TCoerced => ({ ok: true, value });

const TRUE_TEXTS = new Set(["true", "yes", "1", "on"]);
const FALSE_TEXTS = new Set(["false", "no", "0", "off"]);

export function coerce(value: unknown, to: TCoerceType): TCoerced {
  switch (to) {
    case "number":
      return toNumber(value);
    case "string":
      if (typeof value === "string") return ok(value);
      return typeof value === "number" || typeof value === "boolean" ? ok(String(value)) : FAILED;
    case "boolean":
      return toBoolean(value);
    case "timestamp":
      return toTimestamp(value);
  }
}

function toNumber(value: unknown): TCoerced {
  if (typeof value === "number") return Number.isFinite(value) ? ok(value) : FAILED;
  if (typeof value === "boolean") return ok(value ? 1 : 0);
  if (typeof value !== "string" || value.trim() === "") return FAILED;
  const number = Number(value.trim());
  return Number.isFinite(number) ? ok(number) : FAILED;
}

function toBoolean(value: unknown): TCoerced {
  if (typeof value === "boolean") return ok(value);
  if (value === 1 || value === 0) return ok(value === 1);
  if (typeof value !== "string") return FAILED;
  const text = value.trim().toLowerCase();
  if (TRUE_TEXTS.has(text)) return ok(true);
  if (FALSE_TEXTS.has(text)) return ok(false);
  return FAILED;
}

/** To an ISO 8601 UTC text: from milliseconds since the epoch or any text Date.parse reads. */
function toTimestamp(value: unknown): TCoerced {
  let ms: number;
  if (typeof value === "number") ms = value;
  else if (typeof value === "string" && value.trim() !== "") {
    const text = value.trim();
    ms = /^-?\d+$/.test(text) ? Number(text) : Date.parse(text);
  } else return FAILED;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return FAILED;
  return ok(new Date(ms).toISOString());
}
