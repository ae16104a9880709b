import { describe, expect, it } from "vitest";
import { navItemsFor } from "./nav-items";

const EVERYONE = ["Overview", "Alerts", "Silences", "Dashboards", "Explore", "Runbooks", "SLOs", "Cost", "GPUs", "Monitoring", "Audit", "Tokens"];

describe("navItemsFor", () => {
  it("shows viewers the pages everyone may open and no admin pages", () => {
    expect(navItemsFor("viewer").map((item) => item.label)).toEqual(EVERYONE);
    expect(navItemsFor("editor").map((item) => item.label)).toEqual(EVERYONE);
  });

  it("shows admins everything, the admin pages in their group", () => {
    const items = navItemsFor("admin");
    expect(items.map((item) => item.label)).toEqual([...EVERYONE, "Users", "Sessions"]);
    expect(items.filter((item) => item.group === "Admin").map((item) => item.href)).toEqual(["/admin/users", "/admin/sessions"]);
  });
});
