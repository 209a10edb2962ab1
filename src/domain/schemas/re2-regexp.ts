import { RE2 } from "re2-wasm";
import type { RegExpEngine } from "ajv/dist/types";

/**
 * ajv's `code.regExp`: the regexes of JSON Schema `pattern` and `patternProperties` run on RE2,
 * which matches in time linear in the input, so a schema pattern like "^(a|a)*$" cannot make an
 * untrusted payload stall the server. The same library as the JSONata engine
 * (src/server/services/expressions/re2-engine.ts), imported directly because domain code may not
 * import server modules. RE2 insists on the "u" flag, which ajv passes by default.
 */
function re2RegExp(pattern: string, flags: string): RE2 {
  return new RE2(pattern, flags.includes("u") ? flags : `${flags}u`);
}

// `code` names the engine in standalone (pre-compiled) validators, which we do not generate.
export const RE2_REGEXP: RegExpEngine = Object.assign(re2RegExp, { code: 'require("re2-wasm").RE2' });
