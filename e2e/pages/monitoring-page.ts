import type { Locator, Page } from "@playwright/test";

export type MonitoringTab = "targets" | "rules" | "cardinality" | "routing" | "test-alerts" | "console";

/** The monitoring pages under /monitoring, found by headings, roles and labels. */
export class MonitoringPage {
  constructor(readonly page: Page) {}

  async goto(tab: MonitoringTab, query = "refresh=5s"): Promise<void> {
    await this.page.goto(`/monitoring/${tab}${query ? `?${query}` : ""}`);
  }

  get tabs(): Locator {
    return this.page.getByRole("navigation", { name: "Monitoring" });
  }

  panel(title: string): Locator {
    return this.page.getByRole("region", { name: title, exact: true });
  }

  // --- Targets
  get targetList(): Locator {
    return this.page.getByRole("list", { name: "Targets by job" });
  }

  target(instance: string): Locator {
    return this.targetList.getByRole("listitem", { name: new RegExp(`^${instance} `) });
  }

  job(job: string): Locator {
    return this.targetList.getByRole("listitem", { name: `job ${job}` });
  }

  get targetFilter(): Locator {
    return this.page.getByRole("searchbox", { name: "Filter" });
  }

  // --- Rules
  rule(name: string): Locator {
    return this.page.getByRole("listitem", { name: `rule ${name}`, exact: true });
  }

  // --- Routing
  get labelsInput(): Locator {
    return this.page.getByRole("textbox", { name: "Alert labels" });
  }

  get routingResult(): Locator {
    return this.page.getByRole("region", { name: "Routing result" });
  }

  route(id: string): Locator {
    return this.page.getByRole("listitem", { name: `route ${id}`, exact: true });
  }

  // --- Test alerts
  get testAlertForm(): Locator {
    return this.page.getByRole("form", { name: "Send a test alert" });
  }

  testAlert(alertname: string): Locator {
    return this.page.getByRole("listitem", { name: `test alert ${alertname}`, exact: true });
  }
}
