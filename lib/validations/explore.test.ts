import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { dashboardImportSchema } from "./dashboard-import";
import { addPanelSchema, parseSeriesLookup, queryHistoryEntrySchema } from "./explore";

const request = (query: string) => new Request(`http://console.test/api/prometheus/series?${query}`);

describe("parseSeriesLookup", () => {
  it("reads repeated match[] and RFC 3339 or Unix times, as codemirror-promql sends them", () => {
    const parsed = parseSeriesLookup(request(`match[]=${encodeURIComponent('{__name__="up"}')}&match[]=x&start=2026-11-21T06:00:00.000Z&end=1763712000&limit=5`));
    expect(parsed).toEqual({ "match[]": ['{__name__="up"}', "x"], start: Date.parse("2026-11-21T06:00:00.000Z") / 1000, end: 1_763_712_000, limit: 5 });
    expect(parseSeriesLookup(request(""))).toEqual({ "match[]": [] });
  });

  it("refuses a bad time or limit naming the parameter", () => {
    expect(() => parseSeriesLookup(request("start=yesterday"))).toThrow(ValidationError);
    expect(() => parseSeriesLookup(request("start=yesterday"))).toThrow(/^start: "yesterday" is not a time/);
    expect(() => parseSeriesLookup(request("limit=0"))).toThrow(/^limit:/);
    expect(() => parseSeriesLookup(request(Array.from({ length: 21 }, () => "match[]=up").join("&")))).toThrow(/at most 20 match\[\] selectors/);
  });
});

describe("bodies", () => {
  it("history takes one non-empty expr and nothing else", () => {
    expect(queryHistoryEntrySchema.parse({ expr: "  up  " })).toEqual({ expr: "up" });
    expect(queryHistoryEntrySchema.safeParse({ expr: " " }).success).toBe(false);
    expect(queryHistoryEntrySchema.safeParse({ expr: "up", extra: 1 }).success).toBe(false);
  });

  it("a panel from Explore needs a title and an expr; create needs a title", () => {
    expect(addPanelSchema.safeParse({ panel: { title: "Up", expr: "up" } }).success).toBe(true);
    expect(addPanelSchema.safeParse({ panel: { title: "Up", expr: "up" }, create: { title: "" } }).success).toBe(false);
    expect(addPanelSchema.safeParse({ panel: { title: "", expr: "up" } }).success).toBe(false);
  });

  it("an import carries the file's text and optionally a valid uid and a title", () => {
    expect(dashboardImportSchema.safeParse({ source: "{}" }).success).toBe(true);
    expect(dashboardImportSchema.safeParse({ source: "{}", uid: "Not_Valid" }).success).toBe(false);
    expect(dashboardImportSchema.safeParse({ source: "" }).success).toBe(false);
    expect(dashboardImportSchema.safeParse({ dashboard: {} }).success).toBe(false);
  });
});
