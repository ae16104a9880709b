import { expect, type Download, type Locator, type Page } from "@playwright/test";

/** The audit log at /audit. */
export class AuditPage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/audit${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  }

  get events(): Locator {
    return this.page.getByRole("region", { name: "Events" });
  }

  /** The data rows of the events table (the header row left out). */
  get rows(): Locator {
    return this.events.getByRole("row").filter({ hasNot: this.page.getByRole("columnheader") });
  }

  async filter(fields: Partial<Record<"Actor (name or id)" | "Action (exact, or a prefix ending in .)" | "Target type" | "Target id", string>>): Promise<void> {
    const form = this.page.getByRole("form", { name: "Audit log filters" });
    for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
    await form.getByRole("button", { name: "Apply" }).click();
  }

  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.events.getByRole("link", { name: "Export CSV" }).click()]);
    return download;
  }
}
