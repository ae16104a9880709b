import { expect, type Page } from "@playwright/test";

/** The sign-in form at /sign-in. */
export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/sign-in");
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  /**
   * Submits a sign-in that is expected to fail and waits until React has reset the form after
   * the answer, so the next attempt is not typed into a form about to be cleared.
   */
  async failSignIn(email: string, password: string): Promise<void> {
    await this.signIn(email, password);
    await expect(this.page.getByLabel("Password")).toHaveValue("");
    await expect(this.page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
}
