import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startExporter, type RunningExporter } from "./server.ts";
import { demoTargets } from "./targets.ts";
import { parseExposition, select } from "./test-support.ts";

const running: RunningExporter[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((exporter) => exporter.close()));
});

/** An exporter on a free port whose clock only moves when the test says so. */
async function start(options: { seed?: number; fast?: boolean; schedule?: boolean } = {}) {
  let now = Date.UTC(2025, 0, 1, 12);
  const exporter = await startExporter({ port: 0, seed: 42, schedule: false, ...options, clock: () => now });
  running.push(exporter);
  return { exporter, advance: (seconds: number) => (now += seconds * 1000) };
}

async function post(url: string): Promise<Response> {
  return fetch(url, { method: "POST" });
}

const StateSchema = z.object({
  active: z.array(z.object({ name: z.string(), source: z.string() })),
  downTargets: z.array(z.object({ job: z.string(), instance: z.string() })),
});

async function state(url: string): Promise<z.infer<typeof StateSchema>> {
  return StateSchema.parse(await (await fetch(`${url}/-/state`)).json());
}

describe("exporter over HTTP", () => {
  it("listens on the real port it reports and serves the index, targets and every metrics path", async () => {
    const { exporter } = await start();
    expect(exporter.port).toBeGreaterThan(0);
    expect(exporter.url).toBe(`http://127.0.0.1:${exporter.port}`);

    const index = await fetch(`${exporter.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain("/metrics/inferno/inferno-1");
    expect(await (await fetch(`${exporter.url}/targets.json`)).json()).toEqual(demoTargets());

    for (const target of demoTargets()) {
      const response = await fetch(`${exporter.url}${target.path}`);
      expect(response.status, target.path).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/plain; version=0.0.4");
      expect(parseExposition(await response.text()).length, target.path).toBeGreaterThan(0);
    }
  });

  it("gives identical text from two exporters with the same seed and clock", async () => {
    const first = await start({ fast: true, schedule: true });
    const second = await start({ fast: true, schedule: true });
    first.advance(1800);
    second.advance(1800);
    for (const path of ["/metrics/neuronetes/neuronetes-0", "/metrics/dcgm-exporter/gpu-node-3", "/metrics/vllm/vllm-1"]) {
      const [a, b] = await Promise.all([fetch(`${first.exporter.url}${path}`), fetch(`${second.exporter.url}${path}`)]);
      const text = await a.text();
      expect(await b.text()).toBe(text);
      expect(text.length).toBeGreaterThan(1000);
    }
  });

  it("starts, reports and clears a named incident", async () => {
    const { exporter, advance } = await start();
    const started = await post(`${exporter.url}/-/incidents/gpu-saturation?seconds=600`);
    expect(started.status).toBe(200);
    expect((await state(exporter.url)).active).toEqual([{ name: "gpu-saturation", source: "manual" }]);

    advance(120);
    const samples = parseExposition(await (await fetch(`${exporter.url}/metrics/neuronetes/neuronetes-0`)).text());
    expect(Math.min(...select(samples, "gpu_util_pct", { node: "gpu-node-2" }).map((sample) => sample.value))).toBeGreaterThan(95);

    expect((await post(`${exporter.url}/-/incidents/clear`)).status).toBe(200);
    expect((await state(exporter.url)).active).toEqual([]);
    advance(1);
    const after = parseExposition(await (await fetch(`${exporter.url}/metrics/neuronetes/neuronetes-0`)).text());
    expect(Math.max(...select(after, "gpu_util_pct").map((sample) => sample.value))).toBeLessThan(95);
  });

  it("takes a target down with 503 for the requested time and brings it back", async () => {
    const { exporter, advance } = await start();
    const path = `${exporter.url}/metrics/inferno/inferno-2`;
    expect((await post(`${exporter.url}/-/targets/inferno/inferno-2/down?seconds=60`)).status).toBe(200);
    expect((await fetch(path)).status).toBe(503);
    expect((await state(exporter.url)).downTargets).toEqual([{ job: "inferno", instance: "inferno-2" }]);
    expect((await fetch(`${exporter.url}/metrics/inferno/inferno-1`)).status).toBe(200);
    advance(61);
    expect((await fetch(path)).status).toBe(200);

    await post(`${exporter.url}/-/targets/inferno/inferno-2/down`);
    expect((await fetch(path)).status).toBe(503);
    expect((await post(`${exporter.url}/-/targets/inferno/inferno-2/up`)).status).toBe(200);
    expect((await fetch(path)).status).toBe(200);
  });

  it("answers worker-down with 503 from both workers while the RQ exporter reports no workers", async () => {
    const { exporter, advance } = await start();
    await post(`${exporter.url}/-/incidents/worker-down?seconds=300`);
    advance(5);
    expect((await fetch(`${exporter.url}/metrics/learning-worker/worker-1`)).status).toBe(503);
    expect((await fetch(`${exporter.url}/metrics/learning-worker/worker-2`)).status).toBe(503);
    const rq = parseExposition(await (await fetch(`${exporter.url}/metrics/learning-worker/rq-exporter`)).text());
    expect(select(rq, "rq_workers_total", { state: /^(busy|idle)$/ }).reduce((sum, sample) => sum + sample.value, 0)).toBe(0);
  });

  it("answers bad requests with 400, unknown ones with 404 and wrong methods with 405", async () => {
    const { exporter } = await start();
    const bad = await post(`${exporter.url}/-/incidents/ttft-breach?seconds=soon`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("seconds");
    expect((await post(`${exporter.url}/-/targets/inferno/inferno-0/down?seconds=0`)).status).toBe(400);
    expect((await fetch(`${exporter.url}/nothing-here`)).status).toBe(404);
    expect((await fetch(`${exporter.url}/metrics/inferno/inferno-7`)).status).toBe(404);
    expect((await post(`${exporter.url}/-/incidents/meteor-strike`)).status).toBe(404);
    const wrong = await fetch(`${exporter.url}/-/incidents/clear`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
  });

  it("closes cleanly even with a keep-alive connection open", async () => {
    const exporter = await startExporter({ port: 0, seed: 1 });
    await fetch(`${exporter.url}/metrics/opencost/opencost-0`);
    await exporter.close();
    await expect(fetch(`${exporter.url}/`)).rejects.toThrow();
  });
});
