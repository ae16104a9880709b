import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "@/cli/main";
import { eventually } from "@/lib/testing/eventually";
import { startBackfilledPrometheus, type BackfilledPrometheus, type BackfillSeries } from "./backfill";
import type { SloStatus } from "./compute";
import { fetchStatuses, retentionFromFlags } from "./fetch";
import { httpFlags, httpInstantQuery } from "./prometheus-http";
import { sloRulesYaml } from "./rules";
import { parseSloFile } from "./spec";

/*
 * Known answers. Every minute for the 7 days and 3 hours before T, the service answers 1,000
 * requests. 0.2 per minute fail, except in the last 90 minutes, when 30 per minute fail (3 %).
 * The good counter resets 4 days before T and the failure counter 3.5 days before T.
 *
 * Over the 7-day window (10,080 minutes): all = 10,080,000; failed = 90 x 30 + 9,990 x 0.2 = 4,698.
 * Availability 99.9 %: budget = 0.1 % of all = 10,080 failures; SLI = 1 - 4,698 / 10,080,000
 * = 0.999533929; remaining = 1 - 4,698 / 10,080 = 0.533928571; events left = 10,080 - 4,698 = 5,382.
 * Burn rates (failed share / 0.001):
 *   5m, 30m, 1h: 30 / 1,000 -> 30
 *   2h:  (30 x 0.2 + 2,700) / 120,000     = 0.02255     -> 22.55
 *   6h:  (270 x 0.2 + 2,700) / 360,000    = 0.00765     -> 7.65
 *   1d:  (1,350 x 0.2 + 2,700) / 1,440,000 = 0.0020625  -> 2.0625
 *   3d:  (4,230 x 0.2 + 2,700) / 4,320,000 = 0.00082083 -> 0.820833
 * For a 7-day window the page thresholds are 3.36 (1h/5m) and 1.4 (6h/30m), the ticket ones 0.7
 * (1d/2h) and 0.233 (3d/6h): both page and ticket fire.
 *
 * Latency: 99 % of requests land in le="1.0" (written 1 in the SLO): at 95 %, remaining =
 * 1 - 0.01 / 0.05 = 0.8 and events left = 0.05 x 10,080,000 - 100,800 = 403,200.
 */

const MINUTE = 60;
const DAY = 86_400;
const T = Math.floor(Date.now() / 1000 / MINUTE) * MINUTE - 5 * MINUTE;
const START = T - 7 * DAY - 3 * 3600;
const TIME = new Date(T * 1000);

function failedPerMinute(t: number): number {
  return t > T - 90 * MINUTE ? 30 : 0.2;
}

function counter(increment: (t: number) => number, resetAt?: number): Array<[number, number]> {
  const samples: Array<[number, number]> = [];
  let value = 0;
  for (let t = START; t <= T; t += MINUTE) {
    if (resetAt !== undefined && t === resetAt) value = 0;
    value += t === START ? 0 : increment(t);
    samples.push([t, value]);
  }
  return samples;
}

const SERIES: BackfillSeries[] = [
  { name: "slo_test_requests_total", labels: { job: "slo-test", code: "200" }, samples: counter((t) => 1000 - failedPerMinute(t), T - 4 * DAY) },
  { name: "slo_test_requests_total", labels: { job: "slo-test", code: "500" }, samples: counter(failedPerMinute, T - 3.5 * DAY) },
  { name: "slo_test_latency_seconds_bucket", labels: { job: "slo-test", le: "0.5" }, samples: counter(() => 900) },
  { name: "slo_test_latency_seconds_bucket", labels: { job: "slo-test", le: "1.0" }, samples: counter(() => 990) },
  { name: "slo_test_latency_seconds_bucket", labels: { job: "slo-test", le: "+Inf" }, samples: counter(() => 1000) },
  { name: "slo_test_latency_seconds_count", labels: { job: "slo-test" }, samples: counter(() => 1000) },
  { name: "slo_test_rare_total", labels: { job: "slo-test" }, samples: counter(() => 1 / 60) },
];

const SLO_FILE = `version: vigil/v1
service: slo-test
slos:
  - name: availability
    objective: 99.9
    window: 7d
    sli:
      ratio:
        errors: slo_test_requests_total{job="slo-test", code=~"5.."}
        total: slo_test_requests_total{job="slo-test"}
  - name: availability-30d
    objective: 99.9
    window: 30d
    sli:
      ratio:
        errors: slo_test_requests_total{job="slo-test", code=~"5.."}
        total: slo_test_requests_total{job="slo-test"}
  - name: latency
    objective: 95
    window: 7d
    sli:
      latency:
        histogram: slo_test_latency_seconds{job="slo-test"}
        le: 1
  - name: rare
    objective: 99.9
    window: 7d
    sli:
      ratio:
        errors: slo_test_rare_errors_total{job="slo-test"}
        total: slo_test_rare_total{job="slo-test"}
  - name: missing
    objective: 99
    window: 7d
    sli:
      ratio:
        errors: slo_test_missing_errors_total
        total: slo_test_missing_total
`;

const parsed = parseSloFile("slo-test.yaml", SLO_FILE);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const SLOS = parsed.slos;

let prometheus: BackfilledPrometheus;
let statuses: Map<string, SloStatus>;

// A tenth of a percent of the budget.
const BUDGET_TOLERANCE = 0.001;

beforeAll(async () => {
  prometheus = await startBackfilledPrometheus(SERIES, { retention: "10d", rules: sloRulesYaml(SLOS, "test") });
  const flags = await httpFlags(prometheus.url);
  const list = await fetchStatuses(SLOS, httpInstantQuery(prometheus.url), { now: TIME, retentionSeconds: retentionFromFlags(flags) });
  statuses = new Map(list.map((status) => [status.slo, status]));
}, 240_000);

afterAll(async () => {
  await prometheus?.stop();
});

function status(name: string): SloStatus {
  const found = statuses.get(name);
  if (!found) throw new Error(`no status for ${name}`);
  return found;
}

describe("SLO figures against a Prometheus holding a known history", () => {
  it("match the hand-computed SLI, budget and events left to 0.1 % of the budget", () => {
    const availability = status("availability");
    expect(availability.totalEvents).toBeCloseTo(10_080_000, -1);
    expect(Math.abs((availability.sli ?? 0) - 0.999533929)).toBeLessThan(BUDGET_TOLERANCE * 0.001);
    expect(Math.abs((availability.errorBudgetRemaining ?? 0) - 0.533928571)).toBeLessThan(BUDGET_TOLERANCE);
    expect(Math.abs((availability.eventsLeft ?? 0) - 5382)).toBeLessThanOrEqual(10_080 * BUDGET_TOLERANCE);
    expect(availability.flags).toEqual([]);
  });

  it("match the hand-computed burn rates and alert state", () => {
    const { burnRates, alerts, conditions } = status("availability");
    const expected = { "5m": 30, "30m": 30, "1h": 30, "2h": 22.55, "6h": 7.65, "1d": 2.0625, "3d": 0.820833 };
    for (const [window, rate] of Object.entries(expected)) {
      // A burn rate is the share of the budget spent per window-length: compare in budget terms.
      expect(Math.abs((burnRates[window as keyof typeof burnRates] ?? 0) - rate), window).toBeLessThan(rate * BUDGET_TOLERANCE + 0.001);
    }
    expect(alerts).toEqual({ page: true, ticket: true });
    expect(conditions.map((condition) => [condition.long, condition.threshold, condition.firing])).toEqual([
      ["1h", 3.36, true],
      ["6h", 1.4, true],
      ["1d", 0.7, true],
      ["3d", 0.233333, true],
    ]);
  });

  it("read latency from the bucket edge written le=\"1.0\" when the SLO says 1", () => {
    const latency = status("latency");
    expect(Math.abs((latency.sli ?? 0) - 0.99)).toBeLessThan(0.05 * BUDGET_TOLERANCE);
    expect(Math.abs((latency.errorBudgetRemaining ?? 0) - 0.8)).toBeLessThan(BUDGET_TOLERANCE);
    expect(Math.abs((latency.eventsLeft ?? 0) - 403_200)).toBeLessThanOrEqual(504_000 * BUDGET_TOLERANCE);
  });

  it("count across counter resets without distortion", () => {
    // Both counters reset inside the window; a naive last-minus-first would be negative or far off.
    expect(status("availability").badEvents).toBeCloseTo(4698, 0);
  });

  it("say no data, never 100 %, when the selector matches nothing", () => {
    const missing = status("missing");
    expect(missing.sli).toBeNull();
    expect(missing.errorBudgetRemaining).toBeNull();
    expect(missing.eventsLeft).toBeNull();
    expect(Object.values(missing.burnRates).every((rate) => rate === null)).toBe(true);
    expect(missing.flags).toEqual(["no-data"]);
  });

  it("flag too few events for the objective", () => {
    const rare = status("rare");
    expect(rare.sli).toBe(1);
    expect(rare.totalEvents).toBeCloseTo(168, 0);
    expect(rare.flags).toContain("too-few-events");
  });

  it("flag a window longer than the retention as partial", () => {
    expect(status("availability-30d").flags).toContain("partial-window");
    expect(status("availability").flags).not.toContain("partial-window");
  });

  it("print the same figures from `vigil slo status --json`", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "vigil-slo-cli-"));
    const file = path.join(dir, "slo-test.yaml");
    writeFileSync(file, SLO_FILE);
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => void printed.push(parts.join(" ")));
    try {
      expect(await main(["slo", "status", file, "--json", "--prometheus-url", prometheus.url, "--time", TIME.toISOString()])).toBe(0);
    } finally {
      log.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
    const json: unknown = JSON.parse(printed.join("\n"));
    expect(Array.isArray(json) && json.length).toBe(5);
    expect(json).toContainEqual({
      service: "slo-test",
      slo: "missing",
      objective: 0.99,
      window: "7d",
      sli: null,
      errorBudgetRemaining: null,
      eventsLeft: null,
      burnRates: { "5m": null, "30m": null, "1h": null, "2h": null, "6h": null, "1d": null, "3d": null },
      alerts: { page: false, ticket: false },
      flags: ["no-data"],
    });
    expect(json).toContainEqual(expect.objectContaining({ slo: "availability", alerts: { page: true, ticket: true }, eventsLeft: expect.any(Number) }));
  });

  it("record the same burn rates with the generated rules", async () => {
    await eventually(async () => {
      const samples = await httpInstantQuery(prometheus.url)('slo:error_ratio:rate1h{slo_id="slo-test--availability"}', new Date());
      expect(samples).toHaveLength(1);
      // Evaluated a few minutes after T, the last hour still holds only incident minutes: 3 % failed.
      expect(samples[0]?.value).toBeCloseTo(0.03, 6);
    }, 60_000);
  });
});
