import { expect, type Locator, type Page } from "@playwright/test";

/** The admin's users page at /admin/users. */
export class UsersPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/admin/users");
    await expect(this.page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  }

  get people(): Locator {
    return this.page.getByRole("region", { name: "People" });
  }

  row(name: string): Locator {
    return this.people.getByRole("row").filter({ hasText: name });
  }

  /** Invites someone and returns the one-time set-password link the dialog shows. */
  async invite(email: string, name: string, role: string): Promise<string> {
    const form = this.page.getByRole("form", { name: "Invite a person" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Role").selectOption(role);
    await form.getByRole("button", { name: "Invite" }).click();
    const dialog = this.page.getByRole("dialog", { name: `Set-password link for ${email}` });
    const link = await dialog.getByLabel("Set-password link").inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();
    return link;
  }

  async setRole(name: string, role: string): Promise<void> {
    const select = this.page.getByLabel(`Role of ${name}`);
    await select.selectOption(role);
    await expect(select).toBeEnabled();
    await expect(select).toHaveValue(role);
  }

  async disable(name: string): Promise<void> {
    await this.page.getByRole("button", { name: `Disable ${name}` }).click();
    await expect(this.page.getByRole("button", { name: `Enable ${name}` })).toBeVisible();
  }
}
