import type { Locator, Page } from "@playwright/test";

/** The overview at `/`, found the way a person finds it: by headings, roles and labels. */
export class OverviewPage {
  constructor(readonly page: Page) {}

  async goto(refresh = "5s"): Promise<void> {
    await this.page.goto(`/?refresh=${refresh}`);
  }

  panel(title: string): Locator {
    return this.page.getByRole("region", { name: title });
  }

  get traffic(): Locator {
    return this.panel("Traffic");
  }

  get trafficChart(): Locator {
    return this.traffic.getByRole("img", { name: "Requests per second by system" });
  }

  get health(): Locator {
    return this.panel("Upstream health");
  }

  get targets(): Locator {
    return this.panel("Scrape targets");
  }

  get alerts(): Locator {
    return this.panel("Firing alerts");
  }

  get refreshPicker(): Locator {
    return this.page.getByLabel("Auto-refresh");
  }
}
