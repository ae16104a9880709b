/**
 * The cost of the silence form's live preview and of the silence list's per-row work, which run
 * in the browser on every keystroke and every refresh: 10,000 alerts in 500 groups (the issue's
 * load), matcher sets from a plain equality to anchored regexes; and hygiene over 500 silences.
 * Pure computation (lib/silences), so no stack is needed. Prints p50/p90/p99 per case.
 *
 *   npx tsx bench/silence-preview.ts [iterations=200]
 */
import { matcherFromType } from "../lib/alertmanager/matchers.ts";
import type { GettableSilence } from "../lib/alertmanager/types.ts";
import { silenceHygiene } from "../lib/silences/hygiene.ts";
import { previewSilence } from "../lib/silences/preview.ts";
import { printTable, quantile } from "./stats.ts";

const iterations = Number(process.argv[2] ?? 200);
const SERVICES = ["inferno", "vllm", "agent-sre", "agent-support", "trm", "learning", "counterfactual", "neuronetes"];
const alerts = Array.from({ length: 10_000 }, (_, index) => ({
  labels: {
    alertname: `Alert${index % 500}`,
    service: SERVICES[index % SERVICES.length] ?? "",
    instance: `${SERVICES[index % SERVICES.length]}-${index % 37}`,
    severity: ["critical", "warning", "info"][index % 3] ?? "",
    team: index % 2 ? "ml-platform" : "sre",
  },
}));

const CASES: Array<[string, Parameters<typeof previewSilence>[0]]> = [
  ['alertname="Alert42"', [matcherFromType("alertname", "=", "Alert42")]],
  ['service=~"agent-.*", severity!="critical"', [matcherFromType("service", "=~", "agent-.*"), matcherFromType("severity", "!=", "critical")]],
  ['instance=~"(?i)INFERNO-[0-9]+", team!~"ops"', [matcherFromType("instance", "=~", "(?i)INFERNO-[0-9]+"), matcherFromType("team", "!~", "ops")]],
];

function measure(run: () => void): number[] {
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

const rows: string[][] = [];
for (const [label, matchers] of CASES) {
  let matched = 0;
  const samples = measure(() => {
    const preview = previewSilence(matchers, alerts);
    matched = preview.ok ? preview.matched.length : -1;
  });
  rows.push([`preview ${label}`, String(matched), ...[0.5, 0.9, 0.99].map((q) => quantile(samples, q).toFixed(2))]);
}

const now = Date.now();
const silences: GettableSilence[] = Array.from({ length: 500 }, (_, index) => ({
  id: `s${index}`,
  status: { state: "active" },
  updatedAt: new Date(now).toISOString(),
  matchers: [matcherFromType("alertname", "=", `Alert${index}`), matcherFromType("service", "=~", index % 2 ? "agent-.*" : ".*")],
  startsAt: new Date(now - 3_600_000).toISOString(),
  endsAt: new Date(now + (index % 3) * 1_800_000).toISOString(),
  createdBy: "bench",
  comment: "bench",
}));
const hygiene = measure(() => silenceHygiene(silences, alerts, { now }));
rows.push(["hygiene, 500 silences", "-", ...[0.5, 0.9, 0.99].map((q) => quantile(hygiene, q).toFixed(2))]);

console.log(`10,000 alerts, ${iterations} iterations per case (ms)`);
printTable(["case", "matched", "p50", "p90", "p99"], rows);
