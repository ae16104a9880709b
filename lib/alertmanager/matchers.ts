import { translateRe2 } from "./re2-regex";
import type { LabelSet, Matcher } from "./types";

/*
 * Alertmanager's matchers (pkg/labels in v0.25): `name="value"`, `name!="value"`, `name=~"regex"`,
 * `name!~"regex"`. Regexes are fully anchored, a missing label reads as "", and a silence needs at least
 * one matcher that does not match "". Pure: used by the filter bar, the silence preview and the route tester.
 */

export type MatchType = "=" | "!=" | "=~" | "!~";

export function matchType(matcher: Pick<Matcher, "isRegex" | "isEqual">): MatchType {
  const equal = matcher.isEqual ?? true;
  if (matcher.isRegex) return equal ? "=~" : "!~";
  return equal ? "=" : "!=";
}

export function matcherFromType(name: string, type: MatchType, value: string): Matcher {
  return { name, value, isRegex: type === "=~" || type === "!~", isEqual: type === "=" || type === "=~" };
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const MATCHER_PATTERN = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*([\s\S]*?)\s*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Parses one matcher such as `severity="critical"` or `team=~ml.*` (quotes optional, as in amtool). */
export function parseMatcher(text: string): ParseResult<Matcher> {
  const found = MATCHER_PATTERN.exec(text);
  if (!found) return { ok: false, error: `"${text.trim()}" is not a matcher: write name="value", name!="value", name=~"regex" or name!~"regex"` };
  const [, name = "", type = "=", rawValue = ""] = found;
  const value = unquote(rawValue);
  if (!value.ok) return { ok: false, error: `${name}: ${value.error}` };
  const matcher = matcherFromType(name, type as MatchType, value.value);
  if (matcher.isRegex) {
    const compiled = compileMatcherRegex(matcher.value);
    if (!compiled.ok) return { ok: false, error: `${name}: ${compiled.error}` };
  }
  return { ok: true, value: matcher };
}

/** Parses `{a="b", c=~"d"}` or `a="b", c=~"d"` (commas inside quotes are kept). */
export function parseMatchers(text: string): ParseResult<Matcher[]> {
  let body = text.trim();
  if (body.startsWith("{")) {
    if (!body.endsWith("}")) return { ok: false, error: "missing closing }" };
    body = body.slice(1, -1);
  }
  const matchers: Matcher[] = [];
  for (const part of splitOutsideQuotes(body)) {
    if (part.trim() === "") continue;
    const parsed = parseMatcher(part);
    if (!parsed.ok) return parsed;
    matchers.push(parsed.value);
  }
  return { ok: true, value: matchers };
}

/** The text form Alertmanager and amtool print, with the value quoted and escaped. */
export function formatMatcher(matcher: Matcher): string {
  return `${matcher.name}${matchType(matcher)}${JSON.stringify(matcher.value)}`;
}

export function formatMatchers(matchers: readonly Matcher[]): string {
  return `{${matchers.map(formatMatcher).join(", ")}}`;
}

/** Whether one matcher matches a label set; a missing label is the empty string. */
export function matcherMatches(matcher: Matcher, labels: LabelSet): boolean {
  const value = labels[matcher.name] ?? "";
  const equal = matcher.isEqual ?? true;
  if (!matcher.isRegex) return (value === matcher.value) === equal;
  const compiled = compileMatcherRegex(matcher.value);
  // Alertmanager refuses an invalid regex; treat it as matching nothing rather than throwing in a render.
  if (!compiled.ok) return false;
  return compiled.value.test(value) === equal;
}

/** Whether every matcher matches: how Alertmanager decides that a silence mutes an alert. */
export function matchersMatch(matchers: readonly Matcher[], labels: LabelSet): boolean {
  return matchers.every((matcher) => matcherMatches(matcher, labels));
}

/**
 * What Alertmanager checks before it stores a silence (silence.validateSilence, labels.Matcher):
 * valid label names, compilable regexes, and at least one matcher that does not match "".
 * Returns one message per problem, keyed by matcher index (-1 for the set as a whole).
 */
export function validateSilenceMatchers(matchers: readonly Matcher[]): Array<{ index: number; message: string }> {
  const problems: Array<{ index: number; message: string }> = [];
  if (matchers.length === 0) problems.push({ index: -1, message: "at least one matcher is required" });
  matchers.forEach((matcher, index) => {
    if (!LABEL_NAME.test(matcher.name)) problems.push({ index, message: `invalid label name "${matcher.name}"` });
    if (matcher.isRegex) {
      const compiled = compileMatcherRegex(matcher.value);
      if (!compiled.ok) problems.push({ index, message: compiled.error });
    }
  });
  // Alertmanager's silence.matchesEmpty only counts = and =~ matchers: a != or !~ matcher never
  // "matches the empty string" for this rule, even when it would (found by the conformance test).
  if (matchers.length > 0 && matchers.every((matcher) => (matcher.isEqual ?? true) && matcherMatches(matcher, {}))) {
    problems.push({ index: -1, message: "at least one matcher must not match the empty string" });
  }
  return problems;
}

const regexCache = new Map<string, ParseResult<RegExp>>();

/**
 * Compiles a Go RE2 regex the way Alertmanager anchors it: `^(?:value)$`, after translating RE2 syntax
 * to JavaScript (re2-regex.ts). Lookaround and backreferences are refused, as RE2 refuses them.
 */
export function compileMatcherRegex(source: string): ParseResult<RegExp> {
  const cached = regexCache.get(source);
  if (cached) return cached;
  const result = compileUncached(source);
  if (regexCache.size > 5_000) regexCache.clear();
  regexCache.set(source, result);
  return result;
}

function compileUncached(source: string): ParseResult<RegExp> {
  // RE2 and JavaScript differ (inline flags, ".", "\\s"...): translate first (see re2-regex.ts).
  const translated = translateRe2(source);
  if (!translated.ok) return { ok: false, error: `invalid regex "${source}": ${translated.error}` };
  try {
    return { ok: true, value: new RegExp(`^(?:${translated.source})$`) };
  } catch (error) {
    return { ok: false, error: `invalid regex "${source}": ${error instanceof Error ? error.message : String(error)}` };
  }
}

function unquote(raw: string): ParseResult<string> {
  if (!raw.startsWith('"')) return { ok: true, value: raw };
  if (raw.length < 2 || !raw.endsWith('"')) return { ok: false, error: "missing closing quote" };
  let out = "";
  for (let index = 1; index < raw.length - 1; index += 1) {
    const char = raw[index];
    if (char === "\\") {
      const next = raw[index + 1];
      index += 1;
      if (next === "n") out += "\n";
      else if (next === "t") out += "\t";
      else if (next === '"' || next === "\\") out += next;
      else out += `\\${next ?? ""}`;
    } else if (char === '"') {
      return { ok: false, error: "unescaped quote inside the value" };
    } else {
      out += char;
    }
  }
  return { ok: true, value: out };
}

function splitOutsideQuotes(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? "";
    if (char === "\\" && quoted) {
      current += char + (text[index + 1] ?? "");
      index += 1;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === "," && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}
