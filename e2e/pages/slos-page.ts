import { expect, type Locator, type Page } from "@playwright/test";

/** The SLO list at /slos and an SLO's page at /slos/<id>. */
export class SlosPage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/slos${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "SLOs", level: 1 })).toBeVisible();
  }

  get list(): Locator {
    return this.page.getByRole("region", { name: "Service level objectives" });
  }

  /** The data rows of the table (the header row left out). */
  get rows(): Locator {
    return this.list.getByRole("row").filter({ hasNot: this.page.getByRole("columnheader") });
  }

  row(name: string): Locator {
    return this.list.getByRole("row", { name, exact: true });
  }

  async filterByService(service: string): Promise<void> {
    await this.list.getByRole("combobox", { name: "Service" }).selectOption(service);
  }

  region(name: string): Locator {
    return this.page.getByRole("region", { name });
  }
}
