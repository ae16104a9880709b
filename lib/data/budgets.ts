import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/data/audit";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { BudgetInput } from "@/lib/validations/cost";

export interface Budget {
  id: string;
  tenant: string;
  team: string | null;
  monthlyUsd: number;
  updatedAt: string;
}

const select = { id: true, tenant: true, team: true, monthlyUsd: true, updatedAt: true } as const;

function toBudget(row: { id: string; tenant: string; team: string | null; monthlyUsd: number; updatedAt: Date }): Budget {
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

export async function listBudgets(): Promise<Budget[]> {
  const rows = await db().tenantBudget.findMany({ select, orderBy: { tenant: "asc" } });
  return rows.map(toBudget);
}

/** Creates or replaces the budget of `input.tenant`, audited as budget.set. */
export async function setBudget(actor: Actor, input: BudgetInput, address: string | null): Promise<Budget> {
  return db().$transaction(async (tx) => {
    const before = await tx.tenantBudget.findUnique({ where: { tenant: input.tenant }, select });
    const data = { team: input.team ?? null, monthlyUsd: input.monthlyUsd };
    const row = await tx.tenantBudget.upsert({ where: { tenant: input.tenant }, create: { tenant: input.tenant, ...data }, update: data, select });
    await recordAudit(tx, {
      actor,
      action: "budget.set",
      targetType: "budget",
      targetId: row.tenant,
      before: before ? { tenant: before.tenant, team: before.team, monthlyUsd: before.monthlyUsd } : undefined,
      after: { tenant: row.tenant, team: row.team, monthlyUsd: row.monthlyUsd },
      address,
    });
    return toBudget(row);
  });
}

export async function deleteBudget(actor: Actor, id: string, address: string | null): Promise<void> {
  await db().$transaction(async (tx) => {
    const before = await tx.tenantBudget.findUnique({ where: { id }, select });
    if (!before) throw new NotFoundError("No budget with this id.");
    await tx.tenantBudget.delete({ where: { id } });
    await recordAudit(tx, {
      actor,
      action: "budget.delete",
      targetType: "budget",
      targetId: before.tenant,
      before: { tenant: before.tenant, team: before.team, monthlyUsd: before.monthlyUsd },
      address,
    });
  });
}
