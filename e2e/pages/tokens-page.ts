import { expect, type Locator, type Page } from "@playwright/test";

/** Everyone's own API tokens at /admin/tokens. */
export class TokensPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/admin/tokens");
    await expect(this.page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  }

  get list(): Locator {
    return this.page.getByRole("region", { name: "Your tokens" });
  }

  /** Creates a token and returns its secret from the shown-once dialog. */
  async create(name: string, role: string, expiry: string): Promise<string> {
    const form = this.page.getByRole("form", { name: "Create a token" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Role").selectOption(role);
    await form.getByLabel("Expires after").selectOption({ label: expiry });
    await form.getByRole("button", { name: "Create token" }).click();
    const dialog = this.page.getByRole("dialog", { name: `Your new token "${name}"` });
    await expect(dialog.getByText("it is shown only this once")).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Copy the token" })).toBeVisible();
    const secret = await dialog.getByLabel("Token secret").inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();
    return secret;
  }

  async revoke(name: string): Promise<void> {
    await this.list.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(this.list.getByRole("row").filter({ hasText: name })).toContainText("revoked");
  }
}
