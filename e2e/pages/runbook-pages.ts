import { expect, type Locator, type Page } from "@playwright/test";

/** /runbooks: search, filters and results. */
export class RunbookListPage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/runbooks${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Runbooks", level: 1 })).toBeVisible();
  }

  get search(): Locator {
    return this.page.getByRole("search", { name: "Runbook search" }).getByLabel("Search", { exact: true });
  }

  get results(): Locator {
    return this.page.getByRole("list", { name: "Runbooks" });
  }

  result(title: string): Locator {
    return this.results.getByRole("listitem").filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }
}

/** /runbooks/<slug>: the live runbook, what it links to, and the alerts firing for it. */
export class RunbookPage {
  constructor(readonly page: Page) {}

  async goto(slug: string, query = ""): Promise<void> {
    await this.page.goto(`/runbooks/${slug}${query}`);
  }

  article(title: string): Locator {
    return this.page.getByRole("article", { name: title });
  }

  get liveQueries(): Locator {
    return this.page.getByRole("region", { name: "Live query" });
  }

  get firingAlerts(): Locator {
    return this.page.getByRole("region", { name: "Firing alerts" });
  }

  linkedAlert(alertname: string): Locator {
    return this.firingAlerts.getByRole("listitem").filter({ hasText: alertname });
  }
}

/** /runbooks/new and /runbooks/<slug>/edit. */
export class RunbookEditorPage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByRole("form", { name: /^(New runbook|Edit )/ });
  }

  field(label: "Title" | "Slug" | "Team" | "Tags" | "Alert names" | "Label matchers" | "Body"): Locator {
    return this.form.getByLabel(label, { exact: false }).first();
  }

  get preview(): Locator {
    return this.page.getByRole("region", { name: "Preview" });
  }

  get conflict(): Locator {
    return this.page.getByRole("alert", { name: "Edit conflict" });
  }

  async save(): Promise<void> {
    await this.form.getByRole("button", { name: /^(Save|Create runbook)$/ }).click();
  }
}

/** /runbooks/<slug>/history: versions, the comparison, restore. */
export class RunbookHistoryPage {
  constructor(readonly page: Page) {}

  async goto(slug: string, query = ""): Promise<void> {
    await this.page.goto(`/runbooks/${slug}/history${query}`);
    await expect(this.page.getByRole("heading", { name: /^History: / })).toBeVisible();
  }

  get versions(): Locator {
    return this.page.getByRole("list", { name: "Versions" });
  }

  get changes(): Locator {
    return this.page.getByRole("region", { name: /^Changes from Version \d+ to Version \d+$/ });
  }
}
