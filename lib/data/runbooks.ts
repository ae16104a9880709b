import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/data/audit";
import { getAlertsOverview } from "@/lib/data/alerts";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { externalRunbookUrl, linkBetween, runbooksLinkedTo, slugFromRunbookUrl, type Labels } from "@/lib/runbooks/linking";
import { searchSnippet, searchTerms, toPrefixTsquery } from "@/lib/runbooks/search-query";
import {
  createRunbookIn,
  deleteRunbookIn,
  restoreRevisionIn,
  RUNBOOK_FIELDS,
  updateRunbookIn,
  type RunbookAudit,
  type StoredRunbook,
} from "@/lib/runbooks/store";
import type {
  CreateRunbookInput,
  ForAlertAnswer,
  LinkedAlert,
  LinkedAlerts,
  RestoreRunbookInput,
  RevisionSummary,
  RevisionView,
  RunbookList,
  RunbookSearch,
  RunbookSummary,
  RunbookView,
  UpdateRunbookInput,
} from "@/lib/validations/runbooks";

/** Who is changing runbooks, for the audit rows written with each change. */
export interface RunbookEditor {
  actor: Actor;
  address: string | null;
}

function auditFor(editor: RunbookEditor): RunbookAudit {
  return (writer, entry) => recordAudit(writer, { actor: editor.actor, address: editor.address, targetType: "runbook", ...entry });
}

/** The user behind the change (a token acts for its creator), for revision authorship. */
function authorOf(editor: RunbookEditor): string {
  return editor.actor.userId;
}

const viewSelect = { ...RUNBOOK_FIELDS, updatedBy: { select: { name: true } } } satisfies Prisma.RunbookSelect;

function toView(runbook: StoredRunbook & { updatedBy?: { name: string } | null }): RunbookView {
  return {
    id: runbook.id,
    slug: runbook.slug,
    title: runbook.title,
    body: runbook.body,
    tags: runbook.tags,
    team: runbook.team,
    alertNames: runbook.alertNames,
    labelMatchers: runbook.labelMatchers,
    version: runbook.version,
    createdAt: runbook.createdAt.toISOString(),
    updatedAt: runbook.updatedAt.toISOString(),
    updatedBy: runbook.updatedBy?.name ?? null,
  };
}

export async function getRunbook(slug: string): Promise<RunbookView> {
  const runbook = await db().runbook.findUnique({ where: { slug }, select: viewSelect });
  if (!runbook) throw new NotFoundError(`There is no runbook "${slug}".`);
  return toView(runbook);
}

/** The runbook, or undefined: for pages that show their own not-found. */
export async function findRunbook(slug: string): Promise<RunbookView | undefined> {
  const runbook = await db().runbook.findUnique({ where: { slug }, select: viewSelect });
  return runbook ? toView(runbook) : undefined;
}

export async function createRunbook(editor: RunbookEditor, input: CreateRunbookInput): Promise<RunbookView> {
  const { slug, ...content } = input;
  const created = await db().$transaction((tx) => createRunbookIn(tx, slug, content, authorOf(editor), auditFor(editor)));
  forgetFacets();
  return getRunbook(created.slug);
}

export async function updateRunbook(editor: RunbookEditor, slug: string, input: UpdateRunbookInput): Promise<{ runbook: RunbookView; changed: boolean }> {
  const { version, ...content } = input;
  const { changed } = await db().$transaction((tx) => updateRunbookIn(tx, slug, version, content, authorOf(editor), auditFor(editor)));
  forgetFacets();
  return { runbook: await getRunbook(slug), changed };
}

export async function restoreRunbook(editor: RunbookEditor, slug: string, input: RestoreRunbookInput): Promise<{ runbook: RunbookView; changed: boolean }> {
  const { changed } = await db().$transaction((tx) => restoreRevisionIn(tx, slug, input.revision, input.version, authorOf(editor), auditFor(editor)));
  forgetFacets();
  return { runbook: await getRunbook(slug), changed };
}

export async function deleteRunbook(editor: RunbookEditor, slug: string, version: number | undefined): Promise<void> {
  await db().$transaction((tx) => deleteRunbookIn(tx, slug, version, auditFor(editor)));
  forgetFacets();
}

export async function listRevisions(slug: string): Promise<RevisionSummary[]> {
  const runbook = await db().runbook.findUnique({
    where: { slug },
    select: { revisions: { orderBy: { version: "desc" }, select: { version: true, title: true, createdAt: true, author: { select: { name: true } } } } },
  });
  if (!runbook) throw new NotFoundError(`There is no runbook "${slug}".`);
  return runbook.revisions.map((revision) => ({
    version: revision.version,
    title: revision.title,
    author: revision.author?.name ?? null,
    createdAt: revision.createdAt.toISOString(),
  }));
}

export async function getRevision(slug: string, version: number): Promise<RevisionView> {
  const revision = await db().runbookRevision.findFirst({
    where: { version, runbook: { slug } },
    select: { version: true, title: true, body: true, tags: true, team: true, alertNames: true, labelMatchers: true, createdAt: true, author: { select: { name: true } } },
  });
  if (!revision) throw new NotFoundError(`Runbook "${slug}" has no revision ${version}.`);
  return { ...revision, author: revision.author?.name ?? null, createdAt: revision.createdAt.toISOString() };
}

const searchRow = z.object({
  slug: z.string(),
  title: z.string(),
  tags: z.array(z.string()).nullable(),
  team: z.string().nullable(),
  alert_names: z.array(z.string()).nullable(),
  version: z.number(),
  updated_at: z.date(),
  rank: z.number().nullable(),
  body: z.string().nullable(),
  total: z.coerce.number(),
});

const facetRow = z.array(z.object({ value: z.string() }));
const FACETS_TTL_MS = 30_000;
let facetsCache: { at: number; tags: string[]; teams: string[] } | undefined;

/** The tags and teams in use, for the filters: cached briefly, and dropped by every write here. */
async function facets(): Promise<{ tags: string[]; teams: string[] }> {
  if (facetsCache && Date.now() - facetsCache.at < FACETS_TTL_MS) return facetsCache;
  const client = db();
  const [tags, teams] = await Promise.all([
    client.$queryRaw<unknown[]>`SELECT DISTINCT unnest(tags) AS value FROM runbooks ORDER BY 1`,
    client.$queryRaw<unknown[]>`SELECT DISTINCT team AS value FROM runbooks WHERE team IS NOT NULL ORDER BY 1`,
  ]);
  facetsCache = { at: Date.now(), tags: facetRow.parse(tags).map((row) => row.value), teams: facetRow.parse(teams).map((row) => row.value) };
  return facetsCache;
}

function forgetFacets(): void {
  facetsCache = undefined;
}

/**
 * Runbooks matching the search, best first: Postgres full-text search over title (weighted
 * highest), tags and body, every word a prefix ("infer queue" finds "Inferno queue backlog"),
 * with a highlighted fragment of the body; without words, every runbook by title. Tag and team
 * filter either way.
 */
export async function searchRunbooks(search: RunbookSearch): Promise<RunbookList> {
  const terms = search.q ? searchTerms(search.q) : [];
  const tsquery = search.q ? toPrefixTsquery(terms) : undefined;
  const filters = [
    search.tag ? Prisma.sql`AND r.tags @> ARRAY[${search.tag}]::text[]` : Prisma.empty,
    search.team ? Prisma.sql`AND r.team = ${search.team}` : Prisma.empty,
  ];
  const client = db();
  const rows =
    search.q && !tsquery
      ? []
      : tsquery
        ? await client.$queryRaw<unknown[]>`
            WITH query AS (SELECT to_tsquery('english', ${tsquery}) AS q),
            hits AS (
              SELECT r.id, ts_rank(r.search_vector, query.q) AS rank, count(*) OVER () AS total
              FROM runbooks r, query
              WHERE r.search_vector @@ query.q ${filters[0]} ${filters[1]}
              ORDER BY rank DESC, r.title
              LIMIT ${search.limit}
            )
            SELECT r.slug, r.title, r.tags, r.team, r.alert_names, r.version, r.updated_at, hits.rank::float8 AS rank, hits.total, r.body
            FROM hits JOIN runbooks r ON r.id = hits.id
            ORDER BY hits.rank DESC, r.title`
        : await client.$queryRaw<unknown[]>`
            SELECT r.slug, r.title, r.tags, r.team, r.alert_names, r.version, r.updated_at, NULL::float8 AS rank, NULL::text AS body,
                   count(*) OVER () AS total
            FROM runbooks r
            WHERE TRUE ${filters[0]} ${filters[1]}
            ORDER BY r.title, r.slug
            LIMIT ${search.limit}`;
  const parsed = z.array(searchRow).parse(rows);
  const { tags, teams } = await facets();
  return {
    runbooks: parsed.map(
      (row): RunbookSummary => ({
        slug: row.slug,
        title: row.title,
        tags: row.tags ?? [],
        team: row.team,
        alertNames: row.alert_names ?? [],
        version: row.version,
        updatedAt: row.updated_at.toISOString(),
        ...(row.body !== null ? { snippet: searchSnippet(row.body, terms) } : {}),
        ...(row.rank !== null ? { rank: row.rank } : {}),
      }),
    ),
    total: parsed[0]?.total ?? 0,
    tags,
    teams,
  };
}

/**
 * The runbooks that answer an alert: the one its runbook_url names, then those listing its
 * alertname, then those whose label matchers match its labels. An external runbook_url (a wiki)
 * is returned as is, for a plain link.
 */
export async function runbooksForAlert(labels: Labels, annotations: Labels): Promise<ForAlertAnswer> {
  const urlSlug = slugFromRunbookUrl(annotations.runbook_url);
  const alertname = labels.alertname;
  const candidates = await db().runbook.findMany({
    where: {
      OR: [
        ...(urlSlug ? [{ slug: urlSlug }] : []),
        ...(alertname ? [{ alertNames: { has: alertname } }] : []),
        { labelMatchers: { isEmpty: false } },
      ],
    },
    select: { slug: true, title: true, team: true, tags: true, alertNames: true, labelMatchers: true },
  });
  return {
    runbooks: runbooksLinkedTo(candidates, labels, annotations).map((runbook) => ({
      slug: runbook.slug,
      title: runbook.title,
      team: runbook.team,
      tags: runbook.tags,
      reason: runbook.reason,
      ...(runbook.matcher ? { matcher: runbook.matcher } : {}),
    })),
    externalUrl: externalRunbookUrl(annotations),
  };
}

/**
 * The alerts firing now that link to this runbook (by runbook_url, alertname or label matchers),
 * each with its acknowledgement if someone has acknowledged this firing episode. Alertmanagers
 * that did not answer are named; all of them down is an UpstreamError.
 */
export async function linkedAlerts(slug: string, signal?: AbortSignal): Promise<LinkedAlerts> {
  const runbook = await db().runbook.findUnique({ where: { slug }, select: { slug: true, alertNames: true, labelMatchers: true } });
  if (!runbook) throw new NotFoundError(`There is no runbook "${slug}".`);
  const overview = await getAlertsOverview(signal);
  const linked = overview.alerts.flatMap((alert) => {
    const link = linkBetween(runbook, alert.labels, alert.annotations);
    return link ? [{ alert, link }] : [];
  });
  const now = new Date();
  const acknowledgements = linked.length
    ? await db().acknowledgement.findMany({
        where: {
          fingerprint: { in: linked.map(({ alert }) => alert.fingerprint) },
          revokedAt: null,
          OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
        },
        select: { fingerprint: true, startsAt: true, note: true, expiresAt: true, createdAt: true, createdBy: { select: { name: true } } },
      })
    : [];
  const alerts = linked.map(({ alert, link }): LinkedAlert => {
    const started = new Date(alert.startsAt).getTime();
    const ack = acknowledgements.find((row) => row.fingerprint === alert.fingerprint && row.startsAt.getTime() === started);
    return {
      fingerprint: alert.fingerprint,
      alertname: alert.labels.alertname ?? "",
      labels: alert.labels,
      annotations: alert.annotations,
      state: alert.status.state,
      startsAt: alert.startsAt,
      reason: link.reason,
      acknowledgement: ack
        ? { by: ack.createdBy.name, at: ack.createdAt.toISOString(), note: ack.note, expiresAt: ack.expiresAt?.toISOString() ?? null }
        : null,
    };
  });
  alerts.sort((a, b) => a.alertname.localeCompare(b.alertname) || a.startsAt.localeCompare(b.startsAt));
  return {
    alerts,
    unreachable: overview.instances.flatMap((instance) => (instance.ok ? [] : [{ instance: instance.instance, error: instance.error ?? "did not answer" }])),
  };
}

/** The labels of the alert with this fingerprint, when it is firing now (a runbook opened from an alert). */
export async function alertLabels(fingerprint: string, signal?: AbortSignal): Promise<Record<string, string> | undefined> {
  try {
    const overview = await getAlertsOverview(signal);
    return overview.alerts.find((alert) => alert.fingerprint === fingerprint)?.labels;
  } catch {
    // The runbook still opens without its alert's variables when Alertmanager is down.
    return undefined;
  }
}
