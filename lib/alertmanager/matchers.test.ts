import { describe, expect, it } from "vitest";
import {
  compileMatcherRegex,
  formatMatchers,
  matcherMatches,
  matchersMatch,
  parseMatcher,
  parseMatchers,
  validateSilenceMatchers,
} from "./matchers";

describe("parseMatcher", () => {
  it.each([
    ['severity="critical"', { name: "severity", value: "critical", isRegex: false, isEqual: true }],
    ['team=~"ml.*"', { name: "team", value: "ml.*", isRegex: true, isEqual: true }],
    ['instance!~"test.*"', { name: "instance", value: "test.*", isRegex: true, isEqual: false }],
    ["job != api", { name: "job", value: "api", isRegex: false, isEqual: false }],
    ['msg="a \\"quoted\\" word"', { name: "msg", value: 'a "quoted" word', isRegex: false, isEqual: true }],
  ])("reads %s", (text, expected) => {
    expect(parseMatcher(text)).toEqual({ ok: true, value: expected });
  });

  it("explains what is wrong", () => {
    expect(parseMatcher("severity")).toMatchObject({ ok: false, error: expect.stringContaining("is not a matcher") });
    expect(parseMatcher('a="open')).toMatchObject({ ok: false, error: "a: missing closing quote" });
    expect(parseMatcher('a=~"("')).toMatchObject({ ok: false, error: expect.stringContaining("invalid regex") });
    expect(parseMatcher('a=~"(?=x)"')).toMatchObject({ ok: false, error: expect.stringContaining("RE2") });
  });
});

describe("parseMatchers", () => {
  it("reads braces, commas inside quotes and round-trips through formatMatchers", () => {
    const parsed = parseMatchers('{alertname="A,B", team=~"ml|data"}');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.map((matcher) => matcher.value)).toEqual(["A,B", "ml|data"]);
    expect(parseMatchers(formatMatchers(parsed.value))).toEqual(parsed);
  });
});

describe("matching", () => {
  const labels = { alertname: "HighLatency", team: "ml-serving", severity: "critical" };
  it("anchors regexes fully", () => {
    expect(matcherMatches({ name: "team", value: "ml", isRegex: true, isEqual: true }, labels)).toBe(false);
    expect(matcherMatches({ name: "team", value: "ml.*", isRegex: true, isEqual: true }, labels)).toBe(true);
  });
  it("reads a missing label as the empty string", () => {
    expect(matcherMatches({ name: "missing", value: "", isRegex: false, isEqual: true }, labels)).toBe(true);
    expect(matcherMatches({ name: "missing", value: ".+", isRegex: true, isEqual: false }, labels)).toBe(true);
  });
  it("needs every matcher", () => {
    expect(
      matchersMatch(
        [
          { name: "severity", value: "critical", isRegex: false, isEqual: true },
          { name: "team", value: "data", isRegex: false, isEqual: false },
        ],
        labels,
      ),
    ).toBe(true);
  });
  it("treats a missing isEqual as equality, as Alertmanager before 0.22 meant", () => {
    expect(matcherMatches({ name: "severity", value: "critical", isRegex: false }, labels)).toBe(true);
  });
  it("takes a leading (?i) as a flag", () => {
    const compiled = compileMatcherRegex("(?i)HIGH.*");
    expect(compiled.ok && compiled.value.test("highlatency")).toBe(true);
  });
});

describe("validateSilenceMatchers", () => {
  it("refuses a set where every matcher matches the empty string", () => {
    expect(validateSilenceMatchers([{ name: "a", value: ".*", isRegex: true, isEqual: true }])).toEqual([
      { index: -1, message: "at least one matcher must not match the empty string" },
    ]);
  });
  it("counts only = and =~ matchers for the empty-string rule, as Alertmanager does", () => {
    // Alertmanager accepts {a!="."} and {a!~"x"} alone, though both match a missing label.
    expect(validateSilenceMatchers([{ name: "a", value: ".", isRegex: false, isEqual: false }])).toEqual([]);
    expect(validateSilenceMatchers([{ name: "a", value: "x", isRegex: true, isEqual: false }])).toEqual([]);
    expect(validateSilenceMatchers([{ name: "a", value: "", isRegex: false, isEqual: true }])).toEqual([
      { index: -1, message: "at least one matcher must not match the empty string" },
    ]);
  });
  it("refuses bad label names and accepts a sound set", () => {
    expect(validateSilenceMatchers([{ name: "1a", value: "x", isRegex: false, isEqual: true }])[0]?.index).toBe(0);
    expect(validateSilenceMatchers([{ name: "a", value: "x", isRegex: false, isEqual: true }])).toEqual([]);
  });
});
