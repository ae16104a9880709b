import { expect, type Locator, type Page } from "@playwright/test";

/** The SLO editor at /slos/new and /slos/<id>/edit, and the stored SLO's actions on its page. */
export class SloEditorPage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByRole("form", { name: /^(New SLO|Edit SLO)/ });
  }

  field(label: RegExp): Locator {
    return this.form.getByLabel(label);
  }

  get service(): Locator {
    return this.field(/^Service$/);
  }

  get name(): Locator {
    return this.field(/^Name\b/);
  }

  get objective(): Locator {
    return this.field(/^Objective\b/);
  }

  get window(): Locator {
    return this.field(/^Window$/);
  }

  get sliKind(): Locator {
    return this.field(/^SLI kind$/);
  }

  get histogram(): Locator {
    return this.field(/^Histogram\b/);
  }

  get threshold(): Locator {
    return this.field(/^Threshold/);
  }

  get preview(): Locator {
    return this.page.getByRole("complementary", { name: "Preview" });
  }

  /** The thresholds the editor offers: the histogram's bucket edges read from Prometheus. */
  async offeredEdges(): Promise<string[]> {
    await expect(this.threshold).toBeEnabled({ timeout: 30_000 });
    const labels = await this.threshold.getByRole("option").allTextContents();
    return labels.filter((label) => label.startsWith("le="));
  }

  async save(): Promise<void> {
    await this.form.getByRole("button", { name: /^(Create|Save) SLO$/ }).click();
  }

  async deleteFromDetail(): Promise<void> {
    await this.page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = this.page.getByRole("dialog", { name: /^Delete SLO/ });
    await dialog.getByRole("button", { name: "Delete SLO" }).click();
  }
}
