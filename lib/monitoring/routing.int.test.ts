import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlertmanagerCluster } from "@/lib/alertmanager/client";
import { eventually } from "@/lib/testing/eventually";
import { startPrivateAlertmanager, type PrivateServer } from "./private-services";
import { matchRoutes } from "./routing";
import { loadRouting } from "./server";

const RECEIVERS = ["default", "pager", "ml", "ml-serving", "ml-dev", "llm", "platform", "digest"];

// Every syntax (match, match_re, matchers), nesting, continue, negative matchers and inherited settings.
const CONFIG = `
route:
  receiver: default
  group_by: [alertname]
  group_wait: 1h
  group_interval: 1h
  repeat_interval: 24h
  routes:
    - matchers: ['severity="critical"']
      receiver: pager
      continue: true
    - match: { team: ml }
      receiver: ml
      routes:
        - match_re: { service: "inferno|vllm" }
          receiver: ml-serving
        - matchers: ['env!="prod"']
          receiver: ml-dev
    - match_re: { service: "llm-.*" }
      receiver: llm
      continue: true
    - matchers: ['team=~"data|platform"', 'severity!="info"']
      receiver: platform
    - matchers: ['severity="info"']
      receiver: digest
receivers:
${RECEIVERS.map((name) => `  - name: ${name}\n    webhook_configs: [{ url: "http://127.0.0.1:9/${name}-secret-token" }]`).join("\n")}
`;

/** A small deterministic PRNG (mulberry32): the same label sets on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHOICES: Record<string, Array<string | undefined>> = {
  severity: ["critical", "warning", "info", undefined],
  team: ["ml", "data", "platform", "search", undefined],
  service: ["inferno", "vllm", "llm-agents", "llm-router", "trm", undefined],
  env: ["prod", "dev", undefined],
};

function labelSets(count: number, run: string): Array<Record<string, string>> {
  const next = random(20261121);
  return Array.from({ length: count }, (_, index) => {
    const labels: Record<string, string> = { alertname: `RouteCheck${index}`, route_check: run };
    for (const [name, options] of Object.entries(CHOICES)) {
      const value = options[Math.floor(next() * options.length)];
      if (value !== undefined) labels[name] = value;
    }
    return labels;
  });
}

let server: PrivateServer;

beforeAll(async () => {
  server = await startPrivateAlertmanager(CONFIG);
});

afterAll(async () => {
  await server?.stop();
});

describe("the route tester against a real Alertmanager", () => {
  it("never shows receiver settings, only names and kinds", async () => {
    const cluster = createAlertmanagerCluster([server.url], 5_000);
    const overview = await loadRouting(undefined, cluster);
    const text = JSON.stringify(overview);
    expect(text).not.toContain("secret-token");
    expect(text).not.toContain("127.0.0.1:9/");
    const first = overview.instances[0];
    expect(first?.ok && first.config.receivers.map((receiver) => receiver.name)).toEqual(RECEIVERS);
  });

  it("agrees with the receivers Alertmanager chose for 40 generated label sets", async () => {
    const cluster = createAlertmanagerCluster([server.url], 5_000);
    const overview = await loadRouting(undefined, cluster);
    const instance = overview.instances[0];
    if (!instance?.ok) throw new Error(`no routing: ${instance?.ok === false ? instance.error : "no instance"}`);

    const run = String(Date.now());
    const sets = labelSets(40, run);
    const endsAt = new Date(Date.now() + 10 * 60_000).toISOString();
    const [posted] = await cluster.postAlerts(sets.map((labels) => ({ labels, endsAt })));
    expect(posted?.ok).toBe(true);

    const chosen = await eventually(async () => {
      const results = await cluster.alerts({ filter: [`route_check="${run}"`] });
      const alerts = results[0]?.ok ? results[0].data : [];
      expect(alerts).toHaveLength(sets.length);
      return new Map(alerts.map((alert) => [alert.labels.alertname ?? "", [...new Set(alert.receivers.map((receiver) => receiver.name))].sort()]));
    }, 20_000);

    const disagreements: string[] = [];
    const reached = new Set<string>();
    for (const labels of sets) {
      const predicted = [...matchRoutes(instance.config.route, labels).receivers].sort();
      const actual = chosen.get(labels.alertname ?? "") ?? [];
      for (const name of actual) reached.add(name);
      if (JSON.stringify(predicted) !== JSON.stringify(actual)) {
        disagreements.push(`${JSON.stringify(labels)}: tester ${predicted.join(",")}, Alertmanager ${actual.join(",")}`);
      }
    }
    expect(disagreements).toEqual([]);
    // The generated sets exercise most of the tree, continue included.
    expect(reached.size).toBeGreaterThanOrEqual(6);
    expect([...chosen.values()].some((receivers) => receivers.length > 1)).toBe(true);

    await cluster.postAlerts(sets.map((labels) => ({ labels, endsAt: new Date().toISOString() })));
  });
});
