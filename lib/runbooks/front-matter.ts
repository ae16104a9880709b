import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { z } from "zod";
import { runbookContentSchema, slugSchema, type RunbookContent } from "../validations/runbooks.ts";

/*
 * Runbooks as files: `<slug>.md`, YAML front matter (title, team, tags, alerts, matchers) between
 * `---` lines, then the markdown body exactly as stored. formatRunbookFile(parseRunbookFile(x))
 * gives x back for any file this module wrote, so an export/import round trip changes nothing.
 */

export interface RunbookFile {
  slug: string;
  content: RunbookContent;
}

const frontMatterSchema = z.strictObject({
  title: z.unknown(),
  team: z.unknown().optional(),
  tags: z.unknown().optional(),
  alerts: z.unknown().optional(),
  matchers: z.unknown().optional(),
});

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export class RunbookFileError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = "RunbookFileError";
  }
}

/** The slug a file name stands for: `inferno-queue-backlog.md` → `inferno-queue-backlog`. */
export function slugFromFileName(fileName: string): string | undefined {
  const base = fileName.replace(/^.*[\\/]/, "");
  if (!base.endsWith(".md")) return undefined;
  const result = slugSchema.safeParse(base.slice(0, -3));
  return result.success ? result.data : undefined;
}

/** Parses one runbook file; the slug comes from the file name. Throws a RunbookFileError naming the problem. */
export function parseRunbookFile(fileName: string, text: string): RunbookFile {
  const slug = slugFromFileName(fileName);
  if (!slug) throw new RunbookFileError(fileName, "the file name must be <slug>.md, the slug in lower-case letters, digits and dashes");
  const fence = FENCE.exec(text);
  if (!fence) throw new RunbookFileError(fileName, "the file must start with YAML front matter between --- lines");
  let yaml: unknown;
  try {
    yaml = parseYaml(fence[1] ?? "");
  } catch (error) {
    throw new RunbookFileError(fileName, `the front matter is not valid YAML (${error instanceof Error ? error.message : String(error)})`);
  }
  const front = frontMatterSchema.safeParse(yaml ?? {});
  if (!front.success) {
    throw new RunbookFileError(fileName, `front matter: ${front.error.issues.map((issue) => `${issue.path.join(".") || "(top)"}: ${issue.message}`).join("; ")}`);
  }
  const content = runbookContentSchema.safeParse({
    title: front.data.title,
    body: text.slice(fence[0].length),
    tags: front.data.tags ?? [],
    team: front.data.team ?? null,
    alertNames: front.data.alerts ?? [],
    labelMatchers: front.data.matchers ?? [],
  });
  if (!content.success) {
    throw new RunbookFileError(fileName, content.error.issues.map((issue) => `${frontMatterName(String(issue.path[0] ?? ""))}: ${issue.message}`).join("; "));
  }
  return { slug, content: content.data };
}

function frontMatterName(field: string): string {
  return field === "alertNames" ? "alerts" : field === "labelMatchers" ? "matchers" : field;
}

/** The file for one runbook: front matter with the fields that are set, then the body unchanged. */
export function formatRunbookFile(content: RunbookContent): string {
  const front: Record<string, unknown> = { title: content.title };
  if (content.team) front.team = content.team;
  if (content.tags.length) front.tags = content.tags;
  if (content.alertNames.length) front.alerts = content.alertNames;
  if (content.labelMatchers.length) front.matchers = content.labelMatchers;
  const yaml = stringifyYaml(front, { lineWidth: 0 });
  return `---\n${yaml}---\n${content.body}`;
}

export function fileNameFor(slug: string): string {
  return `${slug}.md`;
}
