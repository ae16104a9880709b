import { describe, expect, it } from "vitest";
import { compileMatcherRegex } from "./matchers";
import { translateRe2 } from "./re2-regex";

/** Whether the anchored matcher regex matches `value`, as Alertmanager (Go RE2) decides. */
function matches(pattern: string, value: string): boolean {
  const compiled = compileMatcherRegex(pattern);
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.value.test(value);
}

describe("RE2 patterns read as Alertmanager reads them", () => {
  it("applies inline flags from where they appear to the end of their group", () => {
    // Found by the conformance test: Alertmanager accepts [.](?i)foo; JavaScript has no inline flags.
    expect(matches("[.](?i)foo", ".FoO")).toBe(true);
    expect(matches("x(?i:ab)y", "xABy")).toBe(true);
    expect(matches("x(?i:ab)y", "xABY")).toBe(false);
    expect(matches("(a(?i)b)c", "aBc")).toBe(true);
    expect(matches("(a(?i)b)c", "aBC")).toBe(false);
    expect(matches("(?i)foo|bar", "BAR")).toBe(true);
    expect(matches("(?i)[a-c]+", "AbC")).toBe(true);
  });

  it('lets "." match everything but "\\n", and (?s) everything', () => {
    expect(matches("a.b", "a\rb")).toBe(true);
    expect(matches("a.b", "a\nb")).toBe(false);
    expect(matches("(?s)a.b", "a\nb")).toBe(true);
  });

  it("reads RE2's own syntax", () => {
    expect(matches("\\s", "\u00a0")).toBe(false);
    expect(matches("\\s", " ")).toBe(true);
    expect(matches("[[:digit:]]+", "123")).toBe(true);
    expect(matches("\\Qa.b\\E", "a.b")).toBe(true);
    expect(matches("\\Qa.b\\E", "axb")).toBe(false);
    expect(matches("(?P<x>ab)c", "abc")).toBe(true);
    expect(matches("ab\\z", "ab")).toBe(true);
    expect(matches("(?m)^a$\\n^b$", "a\nb")).toBe(true);
  });

  it("refuses what RE2 refuses, and what cannot be expressed, saying so", () => {
    expect(translateRe2("(?=x)")).toEqual({ ok: false, error: "lookaround is not supported by Alertmanager (RE2)" });
    expect(translateRe2("(a)\\1")).toMatchObject({ ok: false, error: expect.stringContaining("backreferences") });
    expect(translateRe2("\\pL")).toMatchObject({ ok: false, error: expect.stringContaining("\\p") });
    expect(translateRe2("(a")).toEqual({ ok: false, error: "missing closing )" });
    expect(translateRe2("[a")).toEqual({ ok: false, error: "missing closing ]" });
    expect(compileMatcherRegex("x{2,1}").ok).toBe(false);
  });
});
