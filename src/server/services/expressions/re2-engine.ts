import "server-only";
import { RE2 } from "re2-wasm";
import type { TRegexEngine } from "~/domain/jsonata/compile";

/**
 * jsonata's regular expressions on RE2, which matches in time linear in the input: a pattern like
 * /^(a|a)*$/ that makes a backtracking engine run for minutes is answered at once. jsonata builds
 * each regex literal as a RegExp (flags i, m, g) and calls `new RegexEngine(regexp)`; RE2 has the
 * same exec/lastIndex interface, and insists on the "u" flag.
 */
function toRe2(regex: RegExp): RE2 {
  return new RE2(regex.source, regex.flags.includes("u") ? regex.flags : `${regex.flags}u`);
}

/** A constructor for jsonata's RegexEngine option (called with `new`; returning an object replaces `this`). */
function Re2RegexEngine(regex: RegExp): RE2 {
  return toRe2(regex);
}

export const RE2_ENGINE: TRegexEngine = {
  construct: Re2RegexEngine as unknown as RegExpConstructor,
  refuse(regex) {
    try {
      toRe2(regex);
      return null;
    } catch (error) {
      const reason =
        error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/\w*: /, "") : "";
      return (
        `The regular expression /${regex.source}/ cannot run on RE2, the engine that keeps every search in linear time` +
        `${reason ? ` (${reason})` : ""}: backreferences such as \\1 and lookaround such as (?=…) are not supported.`
      );
    }
  },
};
