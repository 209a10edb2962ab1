import type { TSchemaViolation, TValueSchema } from "./schema-types";

/**
 * Faster whole-payload checks a compiled schema may offer to conformance checks (which judge
 * hundreds of thousands of values): for JSON Schema, plain JSON.parse instead of the lossless
 * parse, since 64-bit digits do not change whether a value fits. Kept off TValueSchema so its
 * shape stays what callers use. Returns undefined when the bytes could not be decoded.
 */
export type TByteValidator = (bytes: Uint8Array) => { violation: TSchemaViolation | null } | { message: string };

export const BYTE_VALIDATORS = new WeakMap<TValueSchema, TByteValidator>();
