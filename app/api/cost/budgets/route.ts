import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { listBudgets, setBudget } from "@/lib/data/budgets";
import { budgetSchema } from "@/lib/validations/cost";

/** POST /api/cost/budgets: { tenant, team?, monthlyUsd } creates or replaces a tenant's monthly budget. */
export const POST = apiRoute("/api/cost/budgets", async (request, { actor }) => {
  const input = await parseJsonBody(request, budgetSchema);
  return Response.json({ budget: await setBudget(signedIn(actor), input, requestAddress(request)) });
});

/** GET /api/cost/budgets: every tenant budget. */
export const GET = apiRoute("/api/cost/budgets", async () => Response.json({ budgets: await listBudgets() }));
