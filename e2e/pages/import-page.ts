import { expect, type Locator, type Page } from "@playwright/test";

/** The Grafana import page at /dashboards/import. */
export class ImportPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/dashboards/import");
    await expect(this.page.getByRole("heading", { name: "Import a Grafana dashboard", level: 1 })).toBeVisible();
  }

  async upload(file: string): Promise<void> {
    await this.page.getByLabel("Upload a file").setInputFiles(file);
  }

  async paste(json: string): Promise<void> {
    await this.page.getByLabel("Or paste the JSON").fill(json);
    await this.page.getByRole("button", { name: "Check" }).click();
  }

  get report(): Locator {
    return this.page.getByRole("region", { name: "Import report" });
  }

  /** The report's row for a panel or variable, by its title. */
  reportRow(title: string): Locator {
    return this.report.getByRole("row").filter({ has: this.page.getByRole("cell", { name: title, exact: true }) });
  }

  async importAs(uid: string, title?: string): Promise<void> {
    const form = this.page.getByRole("region", { name: "Import as" });
    await form.getByLabel("Uid").fill(uid);
    if (title !== undefined) await form.getByLabel("Title").fill(title);
    await form.getByRole("button", { name: "Import" }).click();
  }
}
