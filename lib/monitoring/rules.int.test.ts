import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrometheusClient } from "@/lib/prometheus/client";
import { eventually } from "@/lib/testing/eventually";
import { startPrivatePrometheus, type PrivateServer } from "./private-services";
import { loadRules } from "./server";

// One side has two series with the same (empty) match group: Prometheus refuses it at every evaluation.
const MANY_TO_MANY = 'vector(1) * on() (vector(1) or label_replace(vector(2), "side", "b", "", ""))';

const RULES = `
groups:
  - name: healthy
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
      - alert: AlwaysFiring
        expr: vector(1)
        labels: { severity: info }
  - name: broken
    rules:
      - record: broken:many_to_many
        expr: '${MANY_TO_MANY}'
      - alert: NeverFires
        expr: vector(1) == 2
`;

let server: PrivateServer;

beforeAll(async () => {
  server = await startPrivatePrometheus({ rules: { "test.yml": RULES } });
});

afterAll(async () => {
  await server?.stop();
});

describe("the rules page's data against a Prometheus with a rule that fails to evaluate", () => {
  it("shows the evaluation error, with the failing rule and its group first", async () => {
    const prometheus = createPrometheusClient({ baseUrl: server.url, timeoutMs: 5_000 });
    const view = await eventually(async () => {
      const loaded = await loadRules(undefined, prometheus);
      expect(loaded.totals.failing).toBe(1);
      expect(loaded.totals.firing).toBe(1);
      return loaded;
    }, 30_000);
    expect(view.groups.map((group) => group.name)).toEqual(["broken", "healthy"]);
    const failing = view.groups[0]?.rules[0];
    expect(failing).toMatchObject({ name: "broken:many_to_many", type: "recording", health: "err" });
    // Prometheus answers with the expression as it formats it ("on ()").
    expect(failing?.query).toMatch(/^vector\(1\) \* on ?\(\) \(vector\(1\) or label_replace/);
    expect(failing?.lastError).toMatch(/found duplicate series for the match group/);
    expect(failing?.lastEvaluation).toBeDefined();
    const healthy = view.groups[1]?.rules ?? [];
    expect(healthy.map((rule) => rule.name)).toEqual(["AlwaysFiring", "job:up:sum"]);
    expect(healthy[0]?.alerts).toHaveLength(1);
    expect(healthy[0]?.evaluationTimeSeconds).toBeGreaterThanOrEqual(0);
  });
});
