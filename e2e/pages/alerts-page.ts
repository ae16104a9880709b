import { expect, type Locator, type Page } from "@playwright/test";

/** The alert list at /alerts, with its detail panel and acknowledge dialog. */
export class AlertsPage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/alerts${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  }

  get list(): Locator {
    return this.page.getByRole("listbox", { name: "Alerts" });
  }

  get filter(): Locator {
    return this.page.getByRole("searchbox", { name: /Filter/ });
  }

  /** The alert rows whose accessible name contains `text`. */
  alert(text: string | RegExp): Locator {
    return this.list.getByRole("option", { name: text });
  }

  get detail(): Locator {
    return this.page.getByRole("complementary", { name: "Alert detail" });
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  /** Acknowledges the open alert through the dialog, with an optional note. */
  async acknowledgeOpenAlert(note = ""): Promise<void> {
    await this.detail.getByRole("button", { name: "Acknowledge", exact: true }).click();
    if (note) await this.dialog.getByLabel("Note (optional)").fill(note);
    await this.dialog.getByRole("button", { name: "Acknowledge", exact: true }).click();
  }
}
