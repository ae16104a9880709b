import { describe, expect, it } from "vitest";
import { navItemsFor } from "./nav-items";

describe("navItemsFor", () => {
  it("shows viewers the pages everyone may open and no admin pages", () => {
    expect(navItemsFor("viewer").map((item) => item.label)).toEqual(["Overview", "Dashboards", "Audit", "Tokens"]);
    expect(navItemsFor("editor").map((item) => item.label)).toEqual(["Overview", "Dashboards", "Audit", "Tokens"]);
    expect(navItemsFor("viewer").map((item) => item.label)).toEqual(["Overview", "Runbooks", "Audit", "Tokens"]);
    expect(navItemsFor("editor").map((item) => item.label)).toEqual(["Overview", "Runbooks", "Audit", "Tokens"]);
    expect(navItemsFor("viewer").map((item) => item.label)).toEqual(["Overview", "Explore", "Audit", "Tokens"]);
    expect(navItemsFor("editor").map((item) => item.label)).toEqual(["Overview", "Explore", "Audit", "Tokens"]);
    expect(navItemsFor("viewer").map((item) => item.label)).toEqual(["Overview", "Audit", "Tokens", "Alerts"]);
    expect(navItemsFor("editor").map((item) => item.label)).toEqual(["Overview", "Audit", "Tokens", "Alerts"]);
    expect(navItemsFor("viewer").map((item) => item.label)).toEqual(["Overview", "Audit", "Tokens", "Silences"]);
    expect(navItemsFor("editor").map((item) => item.label)).toEqual(["Overview", "Audit", "Tokens", "Silences"]);
    expect(navItemsFor("viewer").map((item) => item.label)).toEqual(["Overview", "Audit", "Tokens", "Monitoring"]);
    expect(navItemsFor("editor").map((item) => item.label)).toEqual(["Overview", "Audit", "Tokens", "Monitoring"]);
    expect(navItemsFor("viewer").map((item) => item.label)).toEqual(["Overview", "Audit", "Tokens", "Cost", "GPUs"]);
    expect(navItemsFor("editor").map((item) => item.label)).toEqual(["Overview", "Audit", "Tokens", "Cost", "GPUs"]);
  });

  it("shows admins everything, the admin pages in their group", () => {
    const items = navItemsFor("admin");
    expect(items.map((item) => item.label)).toEqual(["Overview", "Dashboards", "Audit", "Tokens", "Users", "Sessions"]);
    expect(items.map((item) => item.label)).toEqual(["Overview", "Runbooks", "Audit", "Tokens", "Users", "Sessions"]);
    expect(items.map((item) => item.label)).toEqual(["Overview", "Explore", "Audit", "Tokens", "Users", "Sessions"]);
    expect(items.map((item) => item.label)).toEqual(["Overview", "Audit", "Tokens", "Users", "Sessions", "Alerts"]);
    expect(items.map((item) => item.label)).toEqual(["Overview", "Audit", "Tokens", "Users", "Sessions", "Silences"]);
    expect(items.map((item) => item.label)).toEqual(["Overview", "Audit", "Tokens", "Monitoring", "Users", "Sessions"]);
    expect(items.map((item) => item.label)).toEqual(["Overview", "Audit", "Tokens", "Cost", "GPUs", "Users", "Sessions"]);
    expect(items.filter((item) => item.group === "Admin").map((item) => item.href)).toEqual(["/admin/users", "/admin/sessions"]);
  });
});
