import { beforeAll, describe, expect, it } from "vitest";
import { createPrometheusClient, type PrometheusClient } from "@/lib/prometheus/client";
import { eventually } from "@/lib/testing/eventually";
import { loadProvisionedDashboards } from "./files";
import { rateInterval } from "./interpolate";
import { interpolate } from "./interpolate";
import { allPanels } from "./layout";
import type { Dashboard } from "./schema";
import { resolveVariables, variableValuesOf } from "./variables";
import type { VariableQuery } from "./variable-query";

/*
 * Every query of every built-in dashboard (dashboards/*.json) returns data from the demo
 * exporter, with each variable set to its first value, as a person opening it would see.
 */

const SCRAPE_SECONDS = 1;
const STEP_SECONDS = 15;
// The console's own metrics are scraped only when the console runs (the Playwright stack); e2e covers them.
const NEEDS_CONSOLE = new Set(["vigil-console"]);

let prometheus: PrometheusClient;
let dashboards: Dashboard[];

beforeAll(async () => {
  const url = process.env.VIGIL_TEST_PROMETHEUS_URL;
  if (!url) throw new Error("VIGIL_TEST_PROMETHEUS_URL is not set; the integration project's global setup provides it");
  prometheus = createPrometheusClient({ baseUrl: url, timeoutMs: 10_000 });
  const files = await loadProvisionedDashboards();
  const broken = files.filter((file) => !file.ok);
  expect(broken, JSON.stringify(broken)).toEqual([]);
  dashboards = files.flatMap((file) => (file.ok ? [file.dashboard] : []));
});

async function fetchOptions(query: VariableQuery): Promise<string[]> {
  switch (query.kind) {
    case "label_values":
      return (await prometheus.labelValues(query.label, { match: query.match ? [query.match] : undefined })).data;
    case "label_names":
      return (await prometheus.labels({ match: query.match ? [query.match] : undefined })).data;
    case "metrics":
      return (await prometheus.labelValues("__name__")).data.filter((name) => new RegExp(query.regex).test(name));
    case "query_result": {
      const answer = await prometheus.query(query.expr);
      return answer.data.resultType === "vector" ? answer.data.result.map((series) => JSON.stringify(series.metric)) : [];
    }
  }
}

/** Each variable set to its first option (not All), as the test brief asks. */
async function firstValues(dashboard: Dashboard) {
  const resolved = await resolveVariables(dashboard.variables, {}, fetchOptions);
  for (const variable of resolved) {
    if (variable.error) throw new Error(`variable ${variable.name}: ${variable.error}`);
    if (variable.options.length === 0) throw new Error(`variable ${variable.name} has no options yet`);
  }
  const first = Object.fromEntries(resolved.map((variable) => [variable.name, variable.options.slice(0, 1)]));
  return variableValuesOf(await resolveVariables(dashboard.variables, first, fetchOptions), dashboard.variables);
}

describe("built-in dashboards", () => {
  it("exist for every seed system, plus vLLM, the GPU fleet and the console", () => {
    expect(dashboards.map((dashboard) => dashboard.uid).sort()).toEqual(
      ["generation-service", "gpu-fleet", "inference-server", "learning-pipeline", "llm-agents", "remediation-selector", "vigil-console", "vllm"].sort(),
    );
  });

  it("return data for every query with each variable at its first value", { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const dashboard of dashboards.filter((item) => !NEEDS_CONSOLE.has(item.uid))) {
      const variables = await eventually(() => firstValues(dashboard), 60_000, 1_000);
      for (const panel of allPanels(dashboard)) {
        for (const target of panel.targets) {
          const expr = interpolate(target.expr, variables, {
            intervalSeconds: STEP_SECONDS,
            rateIntervalSeconds: rateInterval(STEP_SECONDS, SCRAPE_SECONDS),
            rangeSeconds: 21_600,
          });
          checked += 1;
          try {
            // Scrapes and rule evaluations need a few seconds after the stack starts.
            await eventually(async () => {
              const answer = await prometheus.query(expr);
              const count = answer.data.resultType === "vector" || answer.data.resultType === "matrix" ? answer.data.result.length : 1;
              if (count === 0) throw new Error("no series");
            }, 30_000, 1_000);
          } catch (error) {
            failures.push(`${dashboard.uid} / ${panel.title} / ${target.refId}: ${expr} -> ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });
});
