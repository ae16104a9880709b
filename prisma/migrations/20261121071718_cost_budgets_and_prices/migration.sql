-- CreateTable
CREATE TABLE "tenant_budgets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant" TEXT NOT NULL,
    "team" TEXT,
    "monthly_usd" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_budgets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_prices" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "model" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "input_usd_per_1k" DOUBLE PRECISION NOT NULL,
    "output_usd_per_1k" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_prices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenant_budgets_tenant_key" ON "tenant_budgets"("tenant");

-- CreateIndex
CREATE UNIQUE INDEX "model_prices_model_key" ON "model_prices"("model");
