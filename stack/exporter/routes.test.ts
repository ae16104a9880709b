import { describe, expect, it } from "vitest";
import { DEFAULT_DOWN_SECONDS, routeRequest } from "./routes.ts";

const known = (job: string, instance: string) => job === "inferno" && instance === "inferno-0";
const route = (method: string, url: string) => routeRequest(method, url, known);

describe("routeRequest", () => {
  it("routes the read endpoints", () => {
    expect(route("GET", "/")).toEqual({ ok: true, request: { kind: "index" } });
    expect(route("GET", "/targets.json")).toEqual({ ok: true, request: { kind: "targets" } });
    expect(route("GET", "/-/state")).toEqual({ ok: true, request: { kind: "state" } });
    expect(route("GET", "/metrics/inferno/inferno-0")).toEqual({ ok: true, request: { kind: "metrics", job: "inferno", instance: "inferno-0" } });
    expect(route("HEAD", "/metrics/inferno/inferno-0").ok).toBe(true);
  });

  it("routes the control endpoints with their seconds", () => {
    expect(route("POST", "/-/incidents/ttft-breach?seconds=90")).toEqual({ ok: true, request: { kind: "start-incident", name: "ttft-breach", seconds: 90 } });
    expect(route("POST", "/-/incidents/ttft-breach")).toEqual({ ok: true, request: { kind: "start-incident", name: "ttft-breach", seconds: undefined } });
    expect(route("POST", "/-/incidents/clear")).toEqual({ ok: true, request: { kind: "clear-incidents" } });
    expect(route("POST", "/-/targets/inferno/inferno-0/down?seconds=30")).toEqual({
      ok: true,
      request: { kind: "target-down", job: "inferno", instance: "inferno-0", seconds: 30 },
    });
    expect(route("POST", "/-/targets/inferno/inferno-0/down")).toMatchObject({ ok: true, request: { seconds: DEFAULT_DOWN_SECONDS } });
    expect(route("POST", "/-/targets/inferno/inferno-0/up")).toEqual({ ok: true, request: { kind: "target-up", job: "inferno", instance: "inferno-0" } });
  });

  it("answers 404 for unknown paths, targets and incidents", () => {
    expect(route("GET", "/metrics")).toMatchObject({ ok: false, status: 404 });
    expect(route("GET", "/metrics/inferno/inferno-9")).toMatchObject({ ok: false, status: 404, message: expect.stringContaining("inferno/inferno-9") });
    expect(route("POST", "/-/incidents/meteor-strike")).toMatchObject({ ok: false, status: 404, message: expect.stringContaining("ttft-breach") });
    expect(route("POST", "/-/targets/vllm/vllm-0/down")).toMatchObject({ ok: false, status: 404 });
    expect(route("POST", "/-/targets/inferno/inferno-0/sideways")).toMatchObject({ ok: false, status: 404 });
  });

  it("answers 400 for bad seconds and malformed paths", () => {
    for (const seconds of ["abc", "0", "-5", "1.5", "", "99999999"]) {
      expect(route("POST", `/-/incidents/ttft-breach?seconds=${seconds}`), seconds).toMatchObject({ ok: false, status: 400, message: expect.stringContaining("seconds") });
    }
    expect(route("POST", "/-/targets/inferno/inferno-0/down?seconds=x")).toMatchObject({ ok: false, status: 400 });
    expect(route("GET", "/metrics/%E0%A4%A/x")).toMatchObject({ ok: false, status: 400 });
  });

  it("answers 405 with Allow when the method is wrong", () => {
    expect(route("GET", "/-/incidents/clear")).toEqual({ ok: false, status: 405, message: expect.stringContaining("POST"), allow: "POST" });
    expect(route("POST", "/metrics/inferno/inferno-0")).toMatchObject({ ok: false, status: 405, allow: "GET" });
  });
});
