import { describe, expect, it } from "vitest";
import { perBurnWindow } from "./model";
import { burnLevel, eventsLeftText, filterAndSort, filterOptions, formatBurn, rowHealth, type ViewRow } from "./view";

function row(key: string, overrides: Partial<ViewRow> = {}): ViewRow {
  return {
    id: key,
    key,
    service: "svc",
    slo: key,
    labels: { team: "a" },
    window: "30d",
    sli: 0.999,
    errorBudgetRemaining: 0.5,
    burnRates: perBurnWindow(() => 0.5),
    alerts: { page: false, ticket: false },
    flags: [],
    ...overrides,
  };
}

describe("list view", () => {
  it("sorts by budget left, unknown last", () => {
    const rows = [row("a", { errorBudgetRemaining: 0.9 }), row("b", { errorBudgetRemaining: null, sli: null }), row("c", { errorBudgetRemaining: -0.2 })];
    expect(filterAndSort(rows, { sort: "budget" }).map((item) => item.key)).toEqual(["c", "a", "b"]);
    expect(filterAndSort(rows, { sort: "name" }).map((item) => item.key)).toEqual(["a", "b", "c"]);
  });

  it("filters by service, team, label (including the group label) and text", () => {
    const rows = [
      row("a", { service: "x", labels: { team: "t1", tier: "1" } }),
      row("b", { service: "y", labels: { team: "t2" }, group: { label: "model", value: "llama" } }),
    ];
    expect(filterAndSort(rows, { sort: "name", service: "x" }).map((item) => item.key)).toEqual(["a"]);
    expect(filterAndSort(rows, { sort: "name", team: "t2" }).map((item) => item.key)).toEqual(["b"]);
    expect(filterAndSort(rows, { sort: "name", label: "tier=1" }).map((item) => item.key)).toEqual(["a"]);
    expect(filterAndSort(rows, { sort: "name", label: "model=llama" }).map((item) => item.key)).toEqual(["b"]);
    expect(filterAndSort(rows, { sort: "name", label: "tier" }).map((item) => item.key)).toEqual(["a"]);
    expect(filterAndSort(rows, { sort: "name", q: "LLAMA" }).map((item) => item.key)).toEqual(["b"]);
    expect(filterOptions(rows)).toEqual({ services: ["x", "y"], teams: ["t1", "t2"] });
  });

  it("names the health of a row, no data before anything else", () => {
    expect(rowHealth(row("a", { sli: null, errorBudgetRemaining: null }))).toBe("no-data");
    expect(rowHealth(row("a", { alerts: { page: true, ticket: true } }))).toBe("page");
    expect(rowHealth(row("a", { alerts: { page: false, ticket: true } }))).toBe("ticket");
    expect(rowHealth(row("a", { errorBudgetRemaining: -0.1 }))).toBe("exhausted");
    expect(rowHealth(row("a"))).toBe("ok");
  });

  it("colours burn rates by the thresholds that read their window", () => {
    expect(burnLevel("1h", 15)).toBe("page");
    expect(burnLevel("1h", 5)).toBe("elevated");
    expect(burnLevel("6h", 7)).toBe("page");
    expect(burnLevel("1d", 3.5)).toBe("ticket");
    expect(burnLevel("3d", 0.5)).toBe("calm");
    expect(burnLevel("3d", null)).toBe("none");
    expect(burnLevel("1h", 4, 7)).toBe("page");
  });

  it("formats figures for people", () => {
    expect(formatBurn(null)).toBe("–");
    expect(formatBurn(123.4)).toBe("123");
    expect(formatBurn(14.44)).toBe("14.4");
    expect(eventsLeftText(1234, "ratio")).toBe("about 1,234 more failed events allowed");
    expect(eventsLeftText(-20, "bool")).toBe("over budget by about 20 minutes");
    expect(eventsLeftText(null, "ratio")).toBeNull();
  });
});
