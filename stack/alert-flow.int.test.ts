import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "@/lib/testing/eventually";
import { createAlertmanagerCluster } from "@/lib/alertmanager/client";
import { mergeAlerts } from "@/lib/alertmanager/merge";
import { createPrometheusClient } from "@/lib/prometheus/client";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the integration project's global setup provides it`);
  return value;
}

const exporter = required("VIGIL_TEST_EXPORTER_URL");
const prometheus = createPrometheusClient({ baseUrl: required("VIGIL_TEST_PROMETHEUS_URL"), timeoutMs: 5_000 });
const alertmanagers = createAlertmanagerCluster(required("VIGIL_TEST_ALERTMANAGER_URLS").split(","), 5_000);
const target = "/-/targets/counterfactual-lab/counterfactual-lab-0";


async function control(path: string): Promise<void> {
  const response = await fetch(`${exporter}${path}`, { method: "POST" });
  expect(response.ok, await response.text()).toBe(true);
}

afterAll(async () => {
  await fetch(`${exporter}${target}/up`, { method: "POST" });
});

describe("an outage flows from the exporter through Prometheus's rules to Alertmanager", () => {
  it("fires ServiceDown when counterfactual-lab stops answering, then resolves it", async () => {
    await control(`${target}/down?seconds=300`);

    // The shipped rule waits 1 minute (`for: 1m`) before firing; scrapes and evaluation run every second.
    const firing = await eventually(async () => {
      const { data } = await prometheus.alerts();
      const alert = data.alerts.find((candidate) => candidate.labels.alertname === "ServiceDown" && candidate.state === "firing");
      expect(alert).toBeDefined();
      return alert;
    }, 120_000);
    expect(firing?.labels).toMatchObject({ job: "counterfactual-lab", instance: "counterfactual-lab-0", severity: "critical" });

    // Prometheus sends to every peer; each holds the alert, and the console's merge shows it once.
    const merged = await eventually(async () => {
      const results = await alertmanagers.alerts({ filter: ['alertname="ServiceDown"'] });
      const alerts = mergeAlerts(results);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.instances).toHaveLength(2);
      return alerts[0];
    }, 30_000);
    expect(merged?.annotations.runbook_url).toMatch(/\/runbooks\/service-down$/);
    expect(merged?.annotations.summary).toBe("Counterfactual Lab instance counterfactual-lab-0 is down");

    await control(`${target}/up`);
    await eventually(async () => {
      const { data } = await prometheus.alerts();
      expect(data.alerts.filter((candidate) => candidate.labels.alertname === "ServiceDown")).toEqual([]);
    }, 30_000);
  }, 180_000);
});
