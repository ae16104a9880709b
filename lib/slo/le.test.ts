import { describe, expect, it } from "vitest";
import { canonicalLe, distinctEdges, leMatcherRegex, leValue, sameEdge } from "./le";

function matches(value: number, spelling: string): boolean {
  // The regex is written for a PromQL string: undo the string escaping, then anchor as Prometheus does.
  const source = leMatcherRegex(value).replaceAll("\\\\", "\\");
  return new RegExp(`^(?:${source})$`).test(spelling);
}

describe("bucket edges", () => {
  it("treats 1, 1.0 and 1.00 as the same edge and 10 as another", () => {
    expect(sameEdge("1", "1.0")).toBe(true);
    expect(sameEdge("1.00", "1")).toBe(true);
    expect(sameEdge("1", "10")).toBe(false);
    expect(sameEdge("+Inf", "+Inf")).toBe(true);
    expect(sameEdge("x", "x")).toBe(false);
  });

  it("spells edges canonically", () => {
    expect(canonicalLe(1)).toBe("1");
    expect(canonicalLe(0.35)).toBe("0.35");
    expect(canonicalLe(2500)).toBe("2500");
    expect(canonicalLe(Number.POSITIVE_INFINITY)).toBe("+Inf");
    expect(leValue("2.50")).toBe(2.5);
    expect(leValue("abc")).toBeUndefined();
  });

  it("selects every spelling of an edge and nothing else", () => {
    for (const spelling of ["1", "1.0", "1.00"]) expect(matches(1, spelling)).toBe(true);
    for (const spelling of ["10", "0.1", "11", "1.5"]) expect(matches(1, spelling)).toBe(false);
    for (const spelling of ["0.35", "0.350"]) expect(matches(0.35, spelling)).toBe(true);
    expect(matches(0.35, "0.3")).toBe(false);
    expect(matches(0.35, "0.355")).toBe(false);
    expect(matches(2500, "2500.0")).toBe(true);
    expect(matches(2500, "250")).toBe(false);
  });

  it("lists distinct edges sorted, merging spellings", () => {
    expect(distinctEdges(["1.0", "0.5", "1", "+Inf", "10", "bad"])).toEqual(["0.5", "1", "10", "+Inf"]);
  });
});
