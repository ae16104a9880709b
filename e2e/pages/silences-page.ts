import { expect, type Locator, type Page } from "@playwright/test";

/** The silence list at /silences, the form at /silences/new and /silences/<id>/edit. */
export class SilencesPage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/silences${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Silences", level: 1 })).toBeVisible();
  }

  /** Opens the form as a link from an alert would: matchers in Alertmanager's syntax, and a comment. */
  async gotoNew(matchers: string, comment?: string): Promise<void> {
    const search = new URLSearchParams({ matchers, ...(comment ? { comment } : {}) });
    await this.page.goto(`/silences/new?${search.toString()}`);
    await expect(this.page.getByRole("heading", { name: "New silence", level: 1 })).toBeVisible();
    // The heading is server-rendered: typing before hydration would be lost. The preview's loading
    // state ends only once the page runs and has asked for the alerts.
    await expect(this.preview.getByRole("status", { name: "Loading the alerts" })).toHaveCount(0, { timeout: 15_000 });
  }

  get list(): Locator {
    return this.page.getByRole("region", { name: "Silences" });
  }

  get preview(): Locator {
    return this.page.getByRole("region", { name: "Preview" });
  }

  get form(): Locator {
    return this.page.getByRole("form", { name: /silence/i });
  }

  row(id: string): Locator {
    return this.list.getByRole("row", { name: `Silence ${id}` });
  }

  matcherValue(number: number): Locator {
    return this.form.getByLabel(`Matcher ${number} value`);
  }

  async setOperator(number: number, operator: "=" | "!=" | "=~" | "!~"): Promise<void> {
    await this.form.getByLabel(`Matcher ${number} operator`).selectOption(operator);
  }

  async setComment(comment: string): Promise<void> {
    await this.form.getByLabel(/^Comment/).fill(comment);
  }

  async chooseDuration(preset: string): Promise<void> {
    await this.form.getByRole("button", { name: preset, exact: true }).click();
  }

  /** Submits the form and returns the silence id the app navigated to. */
  async submit(button: "Create silence" | "Save silence"): Promise<string> {
    await this.form.getByRole("button", { name: button }).click();
    if (button === "Create silence") {
      await this.page.waitForURL(/\/silences\?q=/);
      return new URL(this.page.url()).searchParams.get("q") ?? "";
    }
    await this.page.waitForURL(/\/silences\/[^/]+\/edit\?saved=1/);
    return new URL(this.page.url()).pathname.split("/")[2] ?? "";
  }

  async expire(id: string): Promise<void> {
    const row = this.row(id);
    await row.getByRole("button", { name: "Expire", exact: true }).click();
    await row.getByRole("button", { name: "Expire now" }).click();
  }
}
