import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/data/audit";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { ModelPriceInput } from "@/lib/validations/cost";

export interface ModelPrice {
  id: string;
  model: string;
  kind: string;
  inputUsdPer1k: number;
  outputUsdPer1k: number;
  updatedAt: string;
}

const select = { id: true, model: true, kind: true, inputUsdPer1k: true, outputUsdPer1k: true, updatedAt: true } as const;

function toPrice(row: Omit<ModelPrice, "updatedAt"> & { updatedAt: Date }): ModelPrice {
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

function auditView(row: Omit<ModelPrice, "updatedAt" | "id">) {
  return { model: row.model, kind: row.kind, inputUsdPer1k: row.inputUsdPer1k, outputUsdPer1k: row.outputUsdPer1k };
}

export async function listPrices(): Promise<ModelPrice[]> {
  const rows = await db().modelPrice.findMany({ select, orderBy: { model: "asc" } });
  return rows.map(toPrice);
}

/** Creates or replaces the prices of `input.model`, audited as model_price.set. */
export async function setPrice(actor: Actor, input: ModelPriceInput, address: string | null): Promise<ModelPrice> {
  return db().$transaction(async (tx) => {
    const before = await tx.modelPrice.findUnique({ where: { model: input.model }, select });
    const data = { kind: input.kind, inputUsdPer1k: input.inputUsdPer1k, outputUsdPer1k: input.outputUsdPer1k };
    const row = await tx.modelPrice.upsert({ where: { model: input.model }, create: { model: input.model, ...data }, update: data, select });
    await recordAudit(tx, {
      actor,
      action: "model_price.set",
      targetType: "model_price",
      targetId: row.model,
      before: before ? auditView(before) : undefined,
      after: auditView(row),
      address,
    });
    return toPrice(row);
  });
}

export async function deletePrice(actor: Actor, id: string, address: string | null): Promise<void> {
  await db().$transaction(async (tx) => {
    const before = await tx.modelPrice.findUnique({ where: { id }, select });
    if (!before) throw new NotFoundError("No model price with this id.");
    await tx.modelPrice.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "model_price.delete", targetType: "model_price", targetId: before.model, before: auditView(before), address });
  });
}
