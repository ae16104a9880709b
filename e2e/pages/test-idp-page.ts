import type { Page } from "@playwright/test";

/** The test OpenID Connect provider's own pages (oidc-provider's development login and consent screens). */
export class TestIdpPage {
  constructor(readonly page: Page) {}

  /**
   * Its pages @import a web font from fonts.googleapis.com; answering that locally keeps the
   * test off the network and the browser console free of a failed load.
   */
  async stubWebFonts(): Promise<void> {
    await this.page.route("https://fonts.googleapis.com/**", (route) => route.fulfill({ status: 200, contentType: "text/css", body: "" }));
  }

  /** Logs in (any password works there) and allows Vigil on the consent screen. */
  async signIn(login: string): Promise<void> {
    await this.page.getByPlaceholder("Enter any login").fill(login);
    await this.page.getByPlaceholder("and password").fill("any password");
    await this.page.getByRole("button", { name: "Sign-in" }).click();
    await this.page.getByRole("button", { name: "Continue" }).click();
  }

  async cancel(): Promise<void> {
    await this.page.getByRole("link", { name: "[ Cancel ]" }).click();
  }
}
