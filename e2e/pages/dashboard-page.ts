import { expect, type Locator, type Page } from "@playwright/test";

/** One dashboard at /dashboards/<uid>. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async goto(uid: string, query = ""): Promise<void> {
    await this.page.goto(`/dashboards/${uid}${query ? `?${query}` : ""}`);
  }

  heading(title: string): Locator {
    return this.page.getByRole("heading", { name: title, level: 1 });
  }

  panel(title: string): Locator {
    return this.page.getByRole("region", { name: title, exact: true });
  }

  /** A panel's chart (a canvas with a role of img named after the panel). */
  chart(title: string): Locator {
    return this.panel(title).getByRole("img", { name: title });
  }

  async openPanelMenu(title: string): Promise<void> {
    await this.panel(title).getByRole("button", { name: `Menu of ${title}` }).click();
  }

  async inspect(title: string): Promise<Locator> {
    await this.openPanelMenu(title);
    await this.page.getByRole("menuitem", { name: "Inspect" }).click();
    const dialog = this.page.getByRole("dialog", { name: `Inspect: ${title}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async chooseRange(label: string): Promise<void> {
    await this.page.getByRole("button", { name: "Time range" }).click();
    await this.page.getByRole("list", { name: "Relative ranges" }).getByRole("button", { name: label }).click();
  }

  async setRefresh(label: string): Promise<void> {
    await this.page.getByLabel("Auto-refresh").selectOption({ label });
  }

  async pickValues(variable: string, values: string[]): Promise<void> {
    await this.page.getByRole("group", { name: "Variables" }).getByRole("button", { name: variable, exact: true }).click();
    const list = this.page.getByRole("listbox", { name: `${variable} values` });
    // The selection lives in the URL, so the box changes once the URL does: click, then the test waits for the URL.
    for (const value of values) await list.getByLabel(value, { exact: true }).click();
    await list.getByRole("button", { name: "Close" }).click();
  }
}

/** The list at /dashboards. */
export class DashboardListPage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/dashboards${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Dashboards", level: 1 })).toBeVisible();
  }

  get list(): Locator {
    return this.page.getByRole("list", { name: "Dashboards" });
  }

  item(title: string): Locator {
    return this.list.getByRole("listitem").filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }
}
