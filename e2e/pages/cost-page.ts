import { expect, type Locator, type Page } from "@playwright/test";

/** The cost page at /cost. */
export class CostPage {
  constructor(readonly page: Page) {}

  async goto(refresh?: string): Promise<void> {
    await this.page.goto(`/cost${refresh ? `?refresh=${refresh}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Cost", level: 1 })).toBeVisible();
  }

  panel(title: string): Locator {
    return this.page.getByRole("region", { name: title, exact: true });
  }

  /** The value of a headline figure (a <dt> label and its <dd>). */
  stat(panel: string, label: string): Locator {
    return this.panel(panel).getByRole("term").filter({ hasText: label }).locator("xpath=following-sibling::dd[1]");
  }

  row(panel: string, name: string): Locator {
    return this.panel(panel).getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }

  async setBudget(tenant: string, team: string, monthlyUsd: string): Promise<void> {
    const form = this.page.getByRole("form", { name: "Set a budget" });
    await form.getByLabel("Tenant").fill(tenant);
    await form.getByLabel("Team (optional)").fill(team);
    await form.getByLabel("Monthly budget (USD)").fill(monthlyUsd);
    await form.getByRole("button", { name: "Save budget" }).click();
  }
}
