import { expect, type Locator, type Page } from "@playwright/test";

/** The GPU fleet page at /gpus. */
export class GpuPage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/gpus${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "GPU fleet", level: 1 })).toBeVisible();
  }

  panel(title: string): Locator {
    return this.page.getByRole("region", { name: title, exact: true });
  }

  get heatmap(): Locator {
    return this.panel("Utilisation heatmap").getByRole("img", { name: /Utilisation heatmap of \d+ GPUs/ });
  }
}
