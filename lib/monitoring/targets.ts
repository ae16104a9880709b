import type { ActiveTarget } from "@/lib/prometheus/types";

/*
 * The targets page's model: one flat entry per active target, filtered and grouped by job in
 * the browser (2,000 targets filter in a few milliseconds; the list is virtualized).
 */

export type TargetHealth = "up" | "down" | "unknown";

export interface TargetEntry {
  /** Stable across refreshes: the scrape pool and URL. */
  key: string;
  scrapePool: string;
  job: string;
  instance: string;
  health: TargetHealth;
  lastError: string;
  lastScrape: string;
  lastScrapeDurationSeconds: number;
  scrapeUrl: string;
  scrapeInterval?: string;
  scrapeTimeout?: string;
  labels: Record<string, string>;
}

export interface PoolSummary {
  pool: string;
  up: number;
  down: number;
  unknown: number;
  dropped: number;
}

export interface TargetsView {
  targets: TargetEntry[];
  pools: PoolSummary[];
  totals: { up: number; down: number; unknown: number; dropped: number };
}

const HEALTH_RANK: Record<TargetHealth, number> = { down: 0, unknown: 1, up: 2 };

/** Every active target, problems first, with a summary per scrape pool (dropped targets counted). */
export function buildTargetsView(active: readonly ActiveTarget[], droppedCounts: Record<string, number> = {}): TargetsView {
  const pools = new Map<string, PoolSummary>();
  const totals = { up: 0, down: 0, unknown: 0, dropped: 0 };
  const targets = active.map((target): TargetEntry => {
    const pool = pools.get(target.scrapePool) ?? { pool: target.scrapePool, up: 0, down: 0, unknown: 0, dropped: 0 };
    pool[target.health] += 1;
    totals[target.health] += 1;
    pools.set(target.scrapePool, pool);
    return {
      key: `${target.scrapePool}|${target.scrapeUrl}|${target.labels.instance ?? ""}`,
      scrapePool: target.scrapePool,
      job: target.labels.job ?? target.scrapePool,
      instance: target.labels.instance ?? target.scrapeUrl,
      health: target.health,
      lastError: target.lastError,
      lastScrape: target.lastScrape,
      lastScrapeDurationSeconds: target.lastScrapeDuration,
      scrapeUrl: target.scrapeUrl,
      scrapeInterval: target.scrapeInterval,
      scrapeTimeout: target.scrapeTimeout,
      labels: target.labels,
    };
  });
  for (const [pool, count] of Object.entries(droppedCounts)) {
    const summary = pools.get(pool) ?? { pool, up: 0, down: 0, unknown: 0, dropped: 0 };
    summary.dropped = count;
    totals.dropped += count;
    pools.set(pool, summary);
  }
  targets.sort((a, b) => a.job.localeCompare(b.job) || HEALTH_RANK[a.health] - HEALTH_RANK[b.health] || a.instance.localeCompare(b.instance));
  return { targets, pools: [...pools.values()].sort((a, b) => a.pool.localeCompare(b.pool)), totals };
}

export interface TargetFilter {
  /** Words that must all appear in the job, instance, URL, error or a label (`name=value` works too). */
  text?: string;
  health?: TargetHealth | "all";
  job?: string;
}

export function filterTargets(targets: readonly TargetEntry[], filter: TargetFilter): TargetEntry[] {
  const words = (filter.text ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return targets.filter((target) => {
    if (filter.health && filter.health !== "all" && target.health !== filter.health) return false;
    if (filter.job && target.job !== filter.job) return false;
    if (words.length === 0) return true;
    const haystack = searchText(target);
    return words.every((word) => haystack.includes(word));
  });
}

const searchCache = new WeakMap<TargetEntry, string>();

function searchText(target: TargetEntry): string {
  let text = searchCache.get(target);
  if (text === undefined) {
    text = [target.job, target.instance, target.scrapeUrl, target.lastError, ...Object.entries(target.labels).map(([name, value]) => `${name}=${value}`)]
      .join("\n")
      .toLowerCase();
    searchCache.set(target, text);
  }
  return text;
}

export type TargetRow =
  | { kind: "job"; job: string; up: number; down: number; unknown: number; collapsed: boolean }
  | { kind: "target"; target: TargetEntry };

/**
 * The rows of the grouped list: a heading per job (jobs with a target down first), then its
 * targets unless the job is collapsed. Flat, so one virtualizer renders it.
 */
export function groupRows(targets: readonly TargetEntry[], collapsed: ReadonlySet<string> = new Set()): TargetRow[] {
  const jobs = new Map<string, TargetEntry[]>();
  for (const target of targets) {
    const list = jobs.get(target.job) ?? [];
    list.push(target);
    jobs.set(target.job, list);
  }
  const headings = [...jobs].map(([job, list]) => {
    const count = (health: TargetHealth) => list.filter((target) => target.health === health).length;
    return { job, list, up: count("up"), down: count("down"), unknown: count("unknown") };
  });
  headings.sort((a, b) => Number(b.down > 0) - Number(a.down > 0) || a.job.localeCompare(b.job));
  const rows: TargetRow[] = [];
  for (const heading of headings) {
    const isCollapsed = collapsed.has(heading.job);
    rows.push({ kind: "job", job: heading.job, up: heading.up, down: heading.down, unknown: heading.unknown, collapsed: isCollapsed });
    if (!isCollapsed) for (const target of heading.list) rows.push({ kind: "target", target });
  }
  return rows;
}

/** The `up` series of one target, for its history chart. */
export function upQuery(target: Pick<TargetEntry, "job" | "instance">): string {
  return `up{job=${JSON.stringify(target.job)}, instance=${JSON.stringify(target.instance)}}`;
}

/**
 * Whether an alert is about this target: same job, and the same instance or none (a job-wide
 * alert such as "all replicas down" is about every target of the job).
 */
export function alertIsAboutTarget(labels: Record<string, string>, target: Pick<TargetEntry, "job" | "instance">): boolean {
  if (labels.job !== target.job) return false;
  return labels.instance === undefined || labels.instance === target.instance;
}
