import { describe, expect, it } from "vitest";
import { dashboardUidSchema } from "@/lib/dashboards/schema";
import { blankDashboard, createDashboardBodySchema, labelValuesQuerySchema, uidFromTitle, updateDashboardBodySchema } from "./dashboards";

describe("dashboard bodies", () => {
  it("accepts a blank dashboard and fills defaults", () => {
    const parsed = createDashboardBodySchema.parse({ dashboard: { uid: "a-b", title: "A" } });
    expect(parsed.dashboard).toMatchObject({ time: { from: "now-6h", to: "now" }, refresh: "off", panels: [], variables: [] });
  });

  it("requires the edited version on update and refuses extra fields", () => {
    expect(updateDashboardBodySchema.safeParse({ dashboard: blankDashboard("a", "A") }).success).toBe(false);
    expect(updateDashboardBodySchema.safeParse({ dashboard: blankDashboard("a", "A"), version: 2 }).success).toBe(true);
    expect(createDashboardBodySchema.safeParse({ dashboard: blankDashboard("a", "A"), extra: 1 }).success).toBe(false);
  });

  it("validates label value lookups", () => {
    expect(labelValuesQuerySchema.safeParse({ label: "job" }).success).toBe(true);
    expect(labelValuesQuerySchema.safeParse({ label: "bad-label" }).success).toBe(false);
  });

  it("derives valid uids from titles", () => {
    expect(uidFromTitle("LLM agents (copy)", "x3f")).toBe("llm-agents-copy-x3f");
    expect(uidFromTitle("!!!", "a1")).toBe("dashboard-a1");
    expect(dashboardUidSchema.safeParse(uidFromTitle("Ünïcode Dashboard ".repeat(5), "zz")).success).toBe(true);
  });
});
