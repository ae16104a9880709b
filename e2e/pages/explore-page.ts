import { expect, type Locator, type Page } from "@playwright/test";

/** Explore at /explore. */
export class ExplorePage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/explore${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Explore", level: 1 })).toBeVisible();
  }

  get editor(): Locator {
    return this.page.getByRole("textbox", { name: "PromQL expression" });
  }

  /** Replaces the editor's text by typing, as a person would (completion pops up as they type). */
  async type(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.press("Backspace");
    await this.page.keyboard.type(text);
  }

  get completions(): Locator {
    return this.page.getByRole("listbox");
  }

  async run(expr: string): Promise<void> {
    await this.type(expr);
    await this.page.keyboard.press("Escape");
    await this.page.getByRole("button", { name: "Run query" }).click();
  }

  get results(): Locator {
    return this.page.getByRole("region", { name: /^(Graph|Table)$/ });
  }

  get history(): Locator {
    return this.page.getByRole("list", { name: "Query history" });
  }

  async showTab(name: "Graph" | "Table"): Promise<void> {
    await this.page.getByRole("tab", { name }).click();
  }
}
