import { afterAll, describe, expect, it } from "vitest";
import { createPrometheusClient } from "@/lib/prometheus/client";
import { eventually } from "@/lib/testing/eventually";
import { loadTargets } from "./server";
import { filterTargets, groupRows } from "./targets";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the integration project's global setup provides it`);
  return value;
}

const exporter = required("VIGIL_TEST_EXPORTER_URL");
const prometheus = createPrometheusClient({ baseUrl: required("VIGIL_TEST_PROMETHEUS_URL"), timeoutMs: 5_000 });
const control = "/-/targets/learning-api/learning-api-0";

afterAll(async () => {
  await fetch(`${exporter}${control}/up`, { method: "POST" });
});

describe("the targets page's data against the real Prometheus", () => {
  it("lists every demo target up, grouped by job, with its labels", async () => {
    const view = await eventually(async () => {
      const loaded = await loadTargets(undefined, prometheus);
      expect(loaded.targets.filter((target) => target.job === "learning-api" && target.health === "up")).toHaveLength(1);
      return loaded;
    });
    expect(view.pools.map((pool) => pool.pool)).toEqual(expect.arrayContaining(["prometheus", "alertmanager", "inferno", "learning-api"]));
    const inferno = filterTargets(view.targets, { job: "inferno" });
    expect(inferno.length).toBeGreaterThanOrEqual(3);
    expect(inferno[0]?.labels).toMatchObject({ job: "inferno" });
    expect(groupRows(view.targets).filter((row) => row.kind === "job").length).toBe(view.pools.length);
  });

  it("shows a target made to fail as down, with Prometheus's scrape error", async () => {
    const response = await fetch(`${exporter}${control}/down?seconds=120`, { method: "POST" });
    expect(response.ok).toBe(true);
    const failed = await eventually(async () => {
      const view = await loadTargets(undefined, prometheus);
      const target = view.targets.find((candidate) => candidate.job === "learning-api" && candidate.instance === "learning-api-0");
      expect(target?.health).toBe("down");
      expect(target?.lastError).not.toBe("");
      return { target, view };
    }, 30_000);
    expect(failed.target?.lastError).toMatch(/server returned HTTP status|connection refused|EOF|deadline/);
    expect(failed.view.totals.down).toBeGreaterThanOrEqual(1);
    // A job with a target down is listed first, and the filter finds the target by its error.
    const firstJob = groupRows(failed.view.targets)[0];
    expect(firstJob?.kind === "job" && firstJob.down).toBeGreaterThan(0);
    expect(filterTargets(failed.view.targets, { health: "down", text: "learning-api-0" })).toHaveLength(1);

    await fetch(`${exporter}${control}/up`, { method: "POST" });
    await eventually(async () => {
      const view = await loadTargets(undefined, prometheus);
      expect(view.targets.find((candidate) => candidate.instance === "learning-api-0")?.health).toBe("up");
    }, 30_000);
  });
});
