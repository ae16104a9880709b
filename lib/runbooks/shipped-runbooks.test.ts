import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { formatRunbookFile, parseRunbookFile } from "./front-matter";
import { linkBetween, slugFromRunbookUrl } from "./linking";
import { RUNBOOK_SECTIONS } from "./template";

const root = path.resolve(import.meta.dirname, "../..");
const rulesDir = path.join(root, "deploy/prometheus/rules");
const runbooksDir = path.join(root, "runbooks");

const rulesFile = z.object({
  groups: z.array(
    z.object({
      rules: z.array(
        z.object({ alert: z.string().optional(), labels: z.record(z.string(), z.string()).optional(), annotations: z.record(z.string(), z.string()).optional() }),
      ),
    }),
  ),
});

const alertRules = readdirSync(rulesDir)
  .filter((name) => name.endsWith(".yml"))
  .flatMap((name) =>
    rulesFile
      .parse(parseYaml(readFileSync(path.join(rulesDir, name), "utf8")))
      .groups.flatMap((group) => group.rules)
      .flatMap((rule) => (rule.alert ? [{ file: name, alert: rule.alert, labels: { alertname: rule.alert, ...rule.labels }, annotations: rule.annotations ?? {} }] : [])),
  );

const files = readdirSync(runbooksDir)
  .filter((name) => name.endsWith(".md"))
  .map((name) => {
    const text = readFileSync(path.join(runbooksDir, name), "utf8");
    return { name, text, ...parseRunbookFile(name, text) };
  });

describe("the runbooks shipped in runbooks/", () => {
  it("cover every runbook_url in deploy/prometheus/rules", () => {
    const slugs = new Set(files.map((file) => file.slug));
    const missing = alertRules.flatMap((rule) => {
      const slug = slugFromRunbookUrl(rule.annotations.runbook_url);
      return slug === undefined ? [`${rule.file} ${rule.alert}: no /runbooks/<slug> runbook_url`] : slugs.has(slug) ? [] : [`${rule.file} ${rule.alert}: runbooks/${slug}.md`];
    });
    expect(missing).toEqual([]);
    expect(alertRules.length).toBeGreaterThan(40);
  });

  it.each(files.map((file) => [file.name, file] as const))("%s is valid, canonical and complete", (_name, file) => {
    // A file the CLI would write back differently would make every import change it.
    expect(formatRunbookFile(file.content)).toBe(file.text);
    const headings = [...file.content.body.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual([...RUNBOOK_SECTIONS]);
    expect(file.content.body).toMatch(/```promql\n/);
    expect(file.content.team).not.toBeNull();
  });

  it("link each alert rule to its runbook by name or label matchers, not to another alert's", () => {
    for (const rule of alertRules) {
      const slug = slugFromRunbookUrl(rule.annotations.runbook_url);
      const linked = files.filter((file) => linkBetween({ slug: file.slug, ...file.content }, rule.labels, {}) !== undefined).map((file) => file.slug);
      expect(linked, `${rule.file} ${rule.alert}`).toEqual([slug]);
    }
  });
});
