/**
 * Cold `npm install && npm run demo` on a fresh clone of this repository's HEAD, to the first
 * live overview drawn in headless Chromium. Prints the phases in seconds, then stops the demo
 * with SIGINT and checks that nothing is left listening.
 *
 *   npx tsx bench/demo-cold-start.ts
 */
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { isPortFree } from "../stack/ports.ts";
import { printTable } from "./stats.ts";

const root = path.resolve(import.meta.dirname, "..");

function seconds(from: number, to: number): string {
  return ((to - from) / 1000).toFixed(1);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigil-cold-"));
  // mkdtemp makes the directory private; the demo's Postgres (run as `postgres` when we are root)
  // must be able to enter it, or it would keep its cluster under /var/lib/vigil after we delete the clone.
  chmodSync(dir, 0o755);
  const clone = path.join(dir, "vigil");
  execFileSync("git", ["clone", "--quiet", root, clone]);
  const started = Date.now();
  execFileSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: clone, stdio: "ignore" });
  const installed = Date.now();

  const demo = spawn("npm", ["run", "demo"], { cwd: clone, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open the console:\s+(\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    demo.stdout.on("data", onData);
    demo.stderr.on("data", onData);
    demo.once("exit", (code) => reject(new Error(`demo exited (${code}) before printing a URL:\n${output}`)));
  });
  const printed = Date.now();
  const password = /password (\S+)/.exec(output)?.[1] ?? "";

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByLabel("Email").fill("viewer@vigil.local");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("region", { name: "Traffic" }).locator("path.recharts-curve").first().waitFor({ timeout: 120_000 });
  const drawn = Date.now();
  await browser.close();

  const ports = [...output.matchAll(/http:\/\/(?:127\.0\.0\.1|localhost):(\d+)/g)].map((match) => Number(match[1]));
  process.kill(-(demo.pid ?? 0), "SIGINT");
  await new Promise((resolve) => demo.once("exit", resolve));
  const stopped = Date.now();
  const leftovers = [];
  for (const port of new Set(ports)) if (!(await isPortFree(port))) leftovers.push(port);

  console.log(`\nCold demo on a fresh clone (${os.cpus().length} cores):\n`);
  printTable(
    ["phase", "seconds"],
    [
      ["npm install", seconds(started, installed)],
      ["npm run demo until the URL is printed", seconds(installed, printed)],
      ["URL to first live chart in Chromium (sign-in included)", seconds(printed, drawn)],
      ["total: fresh clone to live overview", seconds(started, drawn)],
      ["Ctrl-C to everything stopped", seconds(drawn, stopped)],
    ],
  );
  console.log(leftovers.length ? `\nStill listening after Ctrl-C: ${leftovers.join(", ")}` : "\nNothing left listening after Ctrl-C.");
  rmSync(dir, { recursive: true, force: true });
}

await main();
