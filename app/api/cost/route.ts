import { apiRoute } from "@/lib/api/handler";
import { fetchCostOverview } from "@/lib/cost/fetch-cost";

export const dynamic = "force-dynamic";

/** GET /api/cost: spend, forecasts, budgets, cost per 1K tokens, GPU cost and $ per good request. */
export const GET = apiRoute("/api/cost", async (request) => Response.json(await fetchCostOverview({ signal: request.signal })));
