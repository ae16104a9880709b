import { SloEditorPage } from "../pages/slo-editor-page.ts";
import { SlosPage } from "../pages/slos-page.ts";
import { expect, test } from "../fixtures/test.ts";

test.describe("SLO editor", () => {
  // The list evaluates every SLO over its window on a busy test machine.
  test.setTimeout(150_000);
  test.use({ signedInAs: "editor" });

  test("creates a latency SLO on an offered bucket edge, lists it, edits it and deletes it", async ({ page }) => {
    const service = `e2e-${Date.now().toString(36)}`;
    const slos = new SlosPage(page);
    const editor = new SloEditorPage(page);
    await slos.goto();
    await slos.list.getByRole("link", { name: "New SLO" }).click();
    await expect(page).toHaveURL(/\/slos\/new$/);

    await editor.service.fill(service);
    await editor.name.fill("e2e-latency");
    await editor.objective.fill("99");
    await editor.window.selectOption("28d");
    await editor.sliKind.selectOption("latency");
    await editor.histogram.fill('vllm:e2e_request_latency_seconds{job="vllm"}');
    // Only the histogram's real edges are offered, read from Prometheus through the console.
    const edges = await editor.offeredEdges();
    expect(edges).toContain("le=2.5");
    expect(edges).not.toContain("le=+Inf");
    await editor.threshold.selectOption({ label: "le=2.5" });
    await expect(editor.preview.getByText("SLI", { exact: true }).first()).toBeVisible({ timeout: 60_000 });
    await editor.save();

    const id = `${service}--e2e-latency`;
    await expect(page).toHaveURL(new RegExp(`/slos/${id}$`));
    await expect(page.getByRole("heading", { name: `${service} · e2e-latency`, level: 1 })).toBeVisible();
    await expect(slos.region("Links").getByText(/Stored in the console, version 1/)).toBeVisible({ timeout: 60_000 });

    await slos.goto(`service=${service}`);
    const row = slos.row(`${service} e2e-latency`);
    await expect(row).toBeVisible({ timeout: 60_000 });
    await expect(row.getByText("stored")).toBeVisible();
    await row.getByRole("link", { name: "e2e-latency" }).click();

    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/slos/${id}/edit$`));
    await expect(editor.threshold).toHaveValue("2.5", { timeout: 30_000 });
    await editor.objective.fill("99.5");
    await editor.save();
    await expect(page).toHaveURL(new RegExp(`/slos/${id}$`));
    await expect(slos.region("Links").getByText(/Stored in the console, version 2/)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/99\.50 % over 28d/)).toBeVisible();

    await editor.deleteFromDetail();
    await expect(page).toHaveURL(/\/slos$/);
    await slos.goto(`service=${service}`);
    await expect(slos.list.getByText(/No SLO matches these filters|No SLOs are defined/)).toBeVisible({ timeout: 60_000 });
  });

  test("SLOs that Sloth and Pyrra record are listed read-only, with their figures", async ({ page }) => {
    const slos = new SlosPage(page);
    await slos.goto();
    const recorded = slos.region("Recorded by Sloth and Pyrra");
    await expect(recorded.getByRole("row", { name: "sloth requests-not-aborted" })).toBeVisible({ timeout: 60_000 });
    const pyrra = recorded.getByRole("row", { name: "pyrra vllm-success" });
    await expect(pyrra.getByText("Pyrra")).toBeVisible();
    await pyrra.getByRole("link", { name: "vllm-success" }).click();
    await expect(page.getByRole("heading", { name: /vllm-success/, level: 1 })).toBeVisible();
    await expect(page.getByText(/99\.00 % over 28d · read-only/)).toBeVisible();
    await expect(slos.region("Burn rates").getByRole("row", { name: "burn rate 4d" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  });
});
