// Demo data: three people and two runbooks. Run by `vigil db seed`, `npm run demo` and the test
// setup, so it must be safe to run again: rows are matched by email and slug, and a runbook
// someone has since edited is left as it is.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { hashPassword } from "../lib/auth/password.ts";
import { PrismaClient, type Role } from "../lib/generated/prisma/client.ts";
import { readRunbookDirectory } from "../lib/runbooks/files.ts";
import { createRunbookIn } from "../lib/runbooks/store.ts";

/** The runbooks shipped for every alert rule in deploy/ (markdown with front matter), seeded when missing. */
export const SHIPPED_RUNBOOKS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "runbooks");

interface SeedUser {
  email: string;
  name: string;
  role: Role;
}

/** One saved version of a seeded runbook; the last one is the runbook's current state. */
interface SeedRevision {
  title: string;
  body: string;
  tags: string[];
}

interface SeedRunbook {
  slug: string;
  team: string;
  alertNames: string[];
  revisions: [SeedRevision, ...SeedRevision[]];
}

export const DEMO_ADMIN_EMAIL = "admin@vigil.local";

const USERS: SeedUser[] = [
  { email: DEMO_ADMIN_EMAIL, name: "Demo Admin", role: "admin" },
  { email: "editor@vigil.local", name: "Demo Editor", role: "editor" },
  { email: "responder@vigil.local", name: "Demo Responder", role: "responder" },
  { email: "viewer@vigil.local", name: "Demo Viewer", role: "viewer" },
];

const TRM_FIRST_DRAFT = `# TRM high fallback rate

## Meaning
More than half of the SRE agent's remediation choices fell back from the TRM model to the
rule-based selector for 10 minutes.

## Impact
Remediations still run, chosen by static rules, which pick the wrong Lambda more often.

## Diagnosis
Check \`trm_model_loaded\` and the fallback reasons: \`sum by (reason) (rate(trm_fallback_total[5m]))\`.

## Mitigation
Restart the agent if the model is not loaded.

## Escalation
Tell the SRE agent owners in working hours.
`;

const TRM_BODY = `# TRM high fallback rate

## Meaning
The SRE agent (job \`agent-sre\`) asks the TRM model which remediation Lambda to run for each
incoming alert. When the model is not loaded, errors, times out or is not confident enough, the
agent falls back to rule-based selection and counts it in \`trm_fallback_total{reason}\`.
This alert fires when more than 50% of selections on an instance fell back over 5 minutes,
for 10 minutes:

\`\`\`promql
sum by (job, instance) (rate(trm_fallback_total[5m]))
/
sum by (job, instance) (rate(trm_inference_total[5m]))
> 0.5
\`\`\`

## Impact
Remediation keeps working, but with the static rules: less accurate Lambda choices, more failed
remediations and more alerts left for a person. Nothing user-facing breaks by itself.

## Diagnosis
1. Why is it falling back? \`sum by (reason) (rate(trm_fallback_total[5m]))\`: the reasons are
   \`model_not_loaded\`, \`inference_error\`, \`timeout\` and \`low_confidence\`.
2. Is the model loaded? \`trm_model_loaded == 0\` means **TRMModelNotLoaded** fires too; follow
   that runbook first.
3. Is the model unsure? \`trm:confidence_score:avg5m\` below 0.5 (**TRMLowConfidence**) points to
   alerts the model has not learned, often new alert names.
4. Is inference slow or failing? \`trm:inference_duration_seconds:p95_5m\` and
   \`sum by (method, status) (rate(trm_inference_total[5m]))\`.
5. Are remediations suffering? \`trm:remediation_success_ratio:rate5m\` by \`lambda_function\`.
6. The agent logs a \`trm_fallback\` event for each fallback, with \`alertname\`, \`reason\` and
   \`correlation_id\`: \`kubectl logs deploy/agent-sre | grep trm_fallback\`.

## Mitigation
- **model_not_loaded**: restart the agent so it loads the model again, then check its memory
  limit and that the model file is where the agent expects it.
- **inference_error / timeout**: look for a recent agent or model deploy and roll it back; check
  the agent's CPU and memory limits.
- **low_confidence** on new alert names: the fallback is doing its job. Add rules for those
  alerts or retrain, and acknowledge this alert with a note saying so.
- Check the fix: send a test alert and watch the counters.

\`\`\`bash
curl -X POST http://agent-sre:8080/cloudevents -H "Content-Type: application/json" \\
  -d '{"type":"io.homelab.prometheus.alert.fired","data":{"labels":{"alertname":"FluxReconciliationFailure","name":"test-app","namespace":"flux-system"}}}'
curl -s http://agent-sre:8080/metrics | grep trm_
\`\`\`

## Escalation
Warning severity: handle in working hours. Page the SRE agent owners if the fallback rate stays
above 90% for an hour or the remediation success ratio drops below 80%. Include the fallback
reasons and a few \`correlation_id\`s from the logs.
`;

const INFERNO_BODY = `# Inferno queue backlog

## Meaning
An Inferno pod has held more than 100 pending requests (\`inferno_queue_pending_requests\`) for
5 minutes: requests arrive faster than the pod finishes inference. At 500 pending,
**InfernoQueueCritical** pages; once the queue reaches \`inferno_queue_max_capacity\`, new
requests are dropped and counted in \`inferno_queue_dropped_total\`.

## Impact
Clients wait longer: time in the queue adds to every response (**InfernoHighLatency** may follow).
Nothing is lost yet; requests are dropped only when the queue is full.

## Diagnosis
1. One pod or all? \`inferno_queue_pending_requests\` by \`instance\`. One pod points to uneven
   load balancing or a slow pod; all pods mean demand exceeds capacity.
2. How close to full? \`inferno:queue_utilization:ratio\` (pending / capacity).
3. Already dropping? \`inferno:queue_dropped:rate5m\` above 0 means requests are being lost:
   treat it as critical.
4. Did inference get slower? \`inferno:inference_duration_seconds:p95_5m\` by \`model\` (a new,
   larger model) and \`inferno:cache_hit_ratio:rate5m\` (a cold cache after a restart).
5. Is the pod saturated? \`rate(container_cpu_usage_seconds_total{pod=~"inferno.*"}[5m]) * 1000\`
   in millicores, and \`container_memory_usage_bytes{pod=~"inferno.*"}\`.
6. \`kubectl -n inferno-prod get pods\` and \`kubectl -n inferno-prod logs <pod>\`.

## Mitigation
- Demand: add replicas, \`kubectl -n inferno-prod scale deploy/inferno --replicas=<n+1>\`, or raise
  the autoscaler's maximum.
- One slow pod: \`kubectl -n inferno-prod delete pod <pod>\` to reschedule it.
- Slower since a deploy: \`helm rollback inferno -n inferno-prod\`.
- To protect the other clients, tighten client rate limits (**InfernoRateLimitExceeded** shows
  they are active).

## Escalation
Warning severity: the ops team handles it from email. Page the on-call engineer if the queue keeps
growing past 300, requests are dropped, or InfernoQueueCritical fires.
`;

const RUNBOOKS: SeedRunbook[] = [
  {
    slug: "trm-high-fallback-rate",
    team: "sre",
    alertNames: ["TRMHighFallbackRate"],
    // Two revisions, so the demo has a history to show.
    revisions: [
      { title: "TRM high fallback rate", body: TRM_FIRST_DRAFT, tags: ["trm", "agent-sre"] },
      { title: "TRM high fallback rate", body: TRM_BODY, tags: ["trm", "agent-sre", "remediation"] },
    ],
  },
  {
    slug: "inferno-queue-backlog",
    team: "ml-platform",
    alertNames: ["InfernoQueueBacklog"],
    revisions: [{ title: "Inferno queue backlog", body: INFERNO_BODY, tags: ["inferno", "inference", "capacity"] }],
  },
];

/** Inserts the demo users and runbooks that are missing; running it again changes nothing. */
export interface SeedOptions {
  /** Sets this password on every demo user that has none yet (the demo prints it). */
  password?: string;
}

/** The demo users' emails, by role, for the demo's printout and the tests. */
export const DEMO_USERS = USERS;

export async function seedDatabase(databaseUrl: string, options: SeedOptions = {}): Promise<void> {
  // Hashed outside the transaction: argon2 is deliberately slow.
  const passwordHash = options.password ? await hashPassword(options.password) : undefined;
  const shippedRunbooks = await readRunbookDirectory(SHIPPED_RUNBOOKS_DIR);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // A connection dropped while idle emits "error"; unheard, that would end the process.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    await prisma.$transaction(async (tx) => {
      // The demo and a test run may seed one database at the same moment; take turns.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7265326602)`;
      for (const user of USERS) {
        // An empty update keeps whatever people changed since (name, role, disabled).
        await tx.user.upsert({ where: { email: user.email }, create: { ...user, passwordHash }, update: {}, select: { id: true } });
        if (passwordHash) await tx.user.updateMany({ where: { email: user.email, passwordHash: null }, data: { passwordHash } });
      }
      const admin = await tx.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN_EMAIL }, select: { id: true } });

      for (const runbook of RUNBOOKS) {
        const existing = await tx.runbook.findUnique({ where: { slug: runbook.slug }, select: { id: true } });
        if (existing) continue;
        const current = runbook.revisions.at(-1) ?? runbook.revisions[0];
        await tx.runbook.create({
          data: {
            slug: runbook.slug,
            title: current.title,
            body: current.body,
            tags: current.tags,
            team: runbook.team,
            alertNames: runbook.alertNames,
            version: runbook.revisions.length,
            createdById: admin.id,
            updatedById: admin.id,
            revisions: {
              create: runbook.revisions.map((revision, index) => ({
                version: index + 1,
                title: revision.title,
                body: revision.body,
                tags: revision.tags,
                team: runbook.team,
                alertNames: runbook.alertNames,
                authorId: admin.id,
              })),
            },
          },
          select: { id: true },
        });
      }

      // Seed data, like the runbooks above: not audited, and a runbook that exists is left as it is.
      for (const file of shippedRunbooks) {
        const existing = await tx.runbook.findUnique({ where: { slug: file.slug }, select: { id: true } });
        if (!existing) await createRunbookIn(tx, file.slug, file.content, admin.id, async () => undefined);
      }
    }, { timeout: 120_000, maxWait: 30_000 });
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}
