import { describe, expect, it } from "vitest";
import { MAX_POINTS_PER_SERIES } from "@/lib/validations/prometheus";
import { distinctQueries, planTargets, queryUrl, targetStep } from "./query-plan";
import type { Target } from "./schema";

const NOW = 1_763_726_400_000;
const target = (expr: string, extra: Partial<Target> = {}): Target => ({ refId: "A", expr, instant: false, hide: false, ...extra });
const context = { fromMs: NOW - 6 * 3600_000, toMs: NOW, widthPx: 600, scrapeIntervalSeconds: 15, variables: {} };

describe("targetStep", () => {
  it("gives about one point per pixel", () => {
    const step = targetStep({}, context);
    expect(step).toBe(60);
    expect(21_600 / step).toBeLessThanOrEqual(600);
  });

  it("never goes below the scrape interval or the target's min interval", () => {
    expect(targetStep({}, { ...context, fromMs: NOW - 300_000 })).toBe(15);
    expect(targetStep({ minInterval: "5m" }, context)).toBe(300);
  });

  it("never exceeds Prometheus's point limit, even for a huge width and a long range", () => {
    for (const days of [1, 30, 365, 3650]) {
      const step = targetStep({}, { fromMs: NOW - days * 86_400_000, toMs: NOW, widthPx: 100_000, scrapeIntervalSeconds: 1 });
      expect((days * 86_400) / step).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
    }
  });
});

describe("planTargets", () => {
  it("resolves variables and built-ins and aligns the window on the step", () => {
    const [planned] = planTargets([target('sum(rate(x{job="$job"}[$__rate_interval]))', { legendFormat: "{{job}}" })], {
      ...context,
      variables: { job: { values: ["vllm"], options: ["vllm"], multi: false } },
    });
    expect(planned?.query).toEqual({
      kind: "range",
      expr: 'sum(rate(x{job="vllm"}[75s]))',
      start: Math.floor((NOW - 6 * 3600_000) / 60_000) * 60,
      end: Math.floor(NOW / 60_000) * 60,
      step: 60,
    });
    expect(planned?.legendFormat).toBe("{{job}}");
  });

  it("queries instants at the range's end and skips hidden targets", () => {
    const planned = planTargets([target("up", { instant: true }), target("down", { hide: true, refId: "B" })], context);
    expect(planned).toHaveLength(1);
    expect(planned[0]?.query).toEqual({ kind: "instant", expr: "up", time: NOW / 1000 });
  });

  it("builds the API URL", () => {
    expect(queryUrl({ kind: "instant", expr: "up", time: 10 })).toBe("/api/prometheus/query?query=up&time=10");
    expect(queryUrl({ kind: "range", expr: "a b", start: 1, end: 2, step: 1 })).toBe("/api/prometheus/query_range?query=a+b&start=1&end=2&step=1");
  });
});

describe("distinctQueries", () => {
  it("sends identical queries once", () => {
    const panels = [
      planTargets([target("up"), target("rate(x[$__rate_interval])", { refId: "B" })], context),
      planTargets([target("up")], context),
      planTargets([target("up")], { ...context, widthPx: 1200 }),
    ];
    expect(distinctQueries(panels.flat().map((item) => item.query))).toHaveLength(3);
  });
});

describe("queries on a named source", () => {
  it("carry the source into the query, its key and its URL; the default source is left out", () => {
    const [onVm] = planTargets([target("up")], { ...context, source: "vm" });
    const [onDefault] = planTargets([target("up")], { ...context, source: "default" });
    const [unnamed] = planTargets([target("up")], context);
    expect(onVm?.query.source).toBe("vm");
    expect(onDefault?.query).toEqual(unnamed?.query);
    expect(onVm ? queryUrl(onVm.query) : "").toMatch(/&source=vm$/);
    expect(onDefault ? queryUrl(onDefault.query) : "").not.toContain("source");
  });

  it("keeps the same query on two sources apart when deduplicating", () => {
    const queries = [context, { ...context, source: "vm" }, { ...context, source: "vm" }, { ...context, source: "default" }].flatMap((each) =>
      planTargets([target("up")], each).map((item) => item.query),
    );
    expect(distinctQueries(queries)).toHaveLength(2);
  });
});
