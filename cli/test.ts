import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { ensureBinaries } from "../stack/binaries.ts";
import { startStack } from "../stack/stack.ts";
import { testEnv } from "../stack/test-env.ts";
import { ROOT, parse, UsageError, type Command } from "./command.ts";

const SUITES = ["rules", "unit", "integration", "e2e"] as const;
type Suite = (typeof SUITES)[number];

interface Tally {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
}

const usage = `Usage: vigil test [--suite ${SUITES.join(",")}] [--keep]

Runs every suite against a real stack it starts and stops: promtool rule tests, Vitest unit
and integration tests, and Playwright end-to-end tests in Chromium. Ends with one line
"N passed, N failed, N skipped" totalled over all suites.

Options:
  --suite LIST   only these suites (comma-separated)
  --keep         keep the test data directory (logs of every service) after the run`;

export const testCommand: Command = {
  name: "test",
  summary: "run all test suites against a real stack",
  usage,
  async run(args) {
    const { values } = parse(args, {
      suite: { type: "string", default: SUITES.join(",") },
      keep: { type: "boolean", default: false },
    });
    const wanted = values.suite.split(",").map((name) => name.trim());
    const unknown = wanted.filter((name) => !SUITES.some((suite) => suite === name));
    if (unknown.length > 0) throw new UsageError(`unknown suite ${unknown.join(", ")}`);
    const runs = (suite: Suite) => wanted.includes(suite);

    const tallies: Tally[] = [];
    const reports = mkdtempSync(path.join(os.tmpdir(), "vigil-reports-"));
    if (runs("rules")) tallies.push(await runRuleTests());

    const needsStack = runs("integration") || runs("e2e");
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-test-"));
    let stop = async () => undefined as void;
    let env: Record<string, string> = {};
    if (needsStack) {
      console.log("Starting the test stack (Postgres, Alertmanager x2, Prometheus, VictoriaMetrics, demo exporter, console)...");
      const started = Date.now();
      const stack = await startStack({
        root: ROOT,
        dataDir,
        profile: "test",
        withConsole: runs("e2e"),
        log: (line) => console.log(`  ${line}`),
      });
      stop = stack.stop;
      env = testEnv(stack, await stack.serveControl());
      console.log(`Stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${dataDir}`);
    }
    try {
      const projects = (["unit", "integration"] as const).filter(runs);
      if (projects.length > 0) {
        const file = path.join(reports, "vitest.json");
        await run(
          "npx",
          ["vitest", "run", ...projects.map((project) => `--project=${project}`), "--reporter=default", "--reporter=json", `--outputFile=${file}`],
          env,
        );
        tallies.push(...readVitest(file, projects));
      }
      if (runs("e2e")) {
        const file = path.join(reports, "playwright.json");
        await run("npx", ["playwright", "test"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file });
        tallies.push(readPlaywright(file));
      }
    } finally {
      await stop();
      if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
      rmSync(reports, { recursive: true, force: true });
    }

    const total = tallies.reduce(
      (sum, tally) => ({ passed: sum.passed + tally.passed, failed: sum.failed + tally.failed, skipped: sum.skipped + tally.skipped }),
      { passed: 0, failed: 0, skipped: 0 },
    );
    console.log("\nSuite         passed  failed  skipped");
    for (const tally of tallies) {
      console.log(`${tally.suite.padEnd(13)} ${String(tally.passed).padStart(6)}  ${String(tally.failed).padStart(6)}  ${String(tally.skipped).padStart(7)}`);
    }
    console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
    return total.failed > 0 || total.passed === 0 ? 1 : 0;
  },
};

function run(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
    child.once("error", reject);
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

/** promtool: every rule file must load, and every rule test file counts as one test. */
async function runRuleTests(): Promise<Tally> {
  const { promtool } = ensureBinaries();
  const rulesDir = path.join(ROOT, "deploy", "prometheus", "rules");
  const testsDir = path.join(ROOT, "deploy", "prometheus", "tests");
  // The stack's own rules (Sloth's and Pyrra's generated form, for the demo) must load too.
  const ruleFiles = [...yamlFiles(rulesDir), ...yamlFiles(path.join(ROOT, "stack", "rules"))];
  const tally: Tally = { suite: "rules", passed: 0, failed: 0, skipped: 0 };
  const count = (code: number) => (code === 0 ? (tally.passed += 1) : (tally.failed += 1));
  console.log("promtool check rules");
  count(await run(promtool, ["check", "rules", ...ruleFiles], {}));
  for (const file of yamlFiles(testsDir)) {
    console.log(`promtool test rules ${path.relative(ROOT, file)}`);
    count(await run(promtool, ["test", "rules", file], {}));
  }
  return tally;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

const vitestReport = z.object({
  testResults: z.array(
    z.object({
      name: z.string(),
      assertionResults: z.array(z.object({ status: z.string() })),
      status: z.string(),
    }),
  ),
});

function readVitest(file: string, projects: readonly string[]): Tally[] {
  const label = projects.join("+");
  if (!existsSync(file)) return [{ suite: label, passed: 0, failed: 1, skipped: 0 }];
  const report = vitestReport.parse(JSON.parse(readFileSync(file, "utf8")));
  const tallies = new Map<string, Tally>(projects.map((project) => [project, { suite: project, passed: 0, failed: 0, skipped: 0 }]));
  for (const result of report.testResults) {
    const tally = tallies.get(result.name.endsWith(".int.test.ts") ? "integration" : "unit") ?? tallies.values().next().value;
    if (!tally) continue;
    // A file that failed to load has no assertions but must still count as a failure.
    if (result.status === "failed" && result.assertionResults.length === 0) tally.failed += 1;
    for (const assertion of result.assertionResults) {
      if (assertion.status === "passed") tally.passed += 1;
      else if (assertion.status === "failed") tally.failed += 1;
      else tally.skipped += 1;
    }
  }
  return [...tallies.values()];
}

const playwrightReport = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
  errors: z.array(z.unknown()).default([]),
});

function readPlaywright(file: string): Tally {
  if (!existsSync(file)) return { suite: "e2e", passed: 0, failed: 1, skipped: 0 };
  const { stats, errors } = playwrightReport.parse(JSON.parse(readFileSync(file, "utf8")));
  return {
    suite: "e2e",
    passed: stats.expected,
    // A flaky pass is still a failure to look at; a global error fails the suite.
    failed: stats.unexpected + stats.flaky + (errors.length > 0 && stats.unexpected === 0 ? 1 : 0),
    skipped: stats.skipped,
  };
}
