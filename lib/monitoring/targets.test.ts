import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prometheusResponseSchema, targetsDataSchema } from "@/lib/prometheus/types";
import { alertIsAboutTarget, buildTargetsView, filterTargets, groupRows, upQuery } from "./targets";

function recorded() {
  const text = readFileSync(path.join(import.meta.dirname, "..", "prometheus", "fixtures", "targets.json"), "utf8");
  const response = prometheusResponseSchema(targetsDataSchema).parse(JSON.parse(text));
  if (response.status !== "success") throw new Error("fixture is an error");
  return response.data;
}

describe("buildTargetsView", () => {
  it("lists every active target of Prometheus 2.42 with its pool, health and error", () => {
    const view = buildTargetsView(recorded().activeTargets, { relabelled: 1 });
    expect(view.totals).toEqual({ up: 1, down: 2, unknown: 0, dropped: 1 });
    const down = view.targets.find((target) => target.job === "nothing-listens");
    expect(down).toMatchObject({ health: "down", instance: "127.0.0.1:9", scrapePool: "nothing-listens" });
    expect(down?.lastError).toMatch(/connection refused/);
    expect(down?.labels.job).toBe("nothing-listens");
    expect(view.pools.find((pool) => pool.pool === "relabelled")).toEqual({ pool: "relabelled", up: 0, down: 1, unknown: 0, dropped: 1 });
  });
});

describe("filterTargets and groupRows", () => {
  const view = buildTargetsView(recorded().activeTargets);

  it("filters by words across job, instance, labels and error, and by health and job", () => {
    expect(filterTargets(view.targets, { text: "refused" }).map((target) => target.job).sort()).toEqual(["nothing-listens", "relabelled"]);
    expect(filterTargets(view.targets, { text: "job=prometheus" }).map((target) => target.job)).toEqual(["prometheus"]);
    expect(filterTargets(view.targets, { health: "up" }).map((target) => target.job)).toEqual(["prometheus"]);
    expect(filterTargets(view.targets, { job: "relabelled", text: "127.0.0.1" })).toHaveLength(1);
    expect(filterTargets(view.targets, { text: "nothing matches this" })).toEqual([]);
  });

  it("groups by job with jobs that have a target down first, and collapses a job", () => {
    const rows = groupRows(view.targets);
    expect(rows.filter((row) => row.kind === "job").map((row) => (row.kind === "job" ? row.job : ""))).toEqual([
      "nothing-listens",
      "relabelled",
      "prometheus",
    ]);
    expect(rows).toHaveLength(6);
    expect(groupRows(view.targets, new Set(["prometheus"]))).toHaveLength(5);
  });
});

describe("a target's up history and alerts", () => {
  it("selects its up series and the alerts with its job and instance (or no instance)", () => {
    const target = { job: "inferno", instance: 'pod "a"' };
    expect(upQuery(target)).toBe('up{job="inferno", instance="pod \\"a\\""}');
    expect(alertIsAboutTarget({ job: "inferno", instance: 'pod "a"' }, target)).toBe(true);
    expect(alertIsAboutTarget({ job: "inferno" }, target)).toBe(true);
    expect(alertIsAboutTarget({ job: "inferno", instance: "b" }, target)).toBe(false);
    expect(alertIsAboutTarget({ instance: 'pod "a"' }, target)).toBe(false);
  });
});
