-- AlterTable
ALTER TABLE "acknowledgements" ADD COLUMN     "silence_id" TEXT;

-- AlterTable
ALTER TABLE "acknowledgement_events" ADD COLUMN     "silence_id" TEXT;

-- CreateTable
CREATE TABLE "alert_episodes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cluster" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "alert_name" TEXT NOT NULL,
    "labels" JSONB NOT NULL,
    "severity" TEXT NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "silenced_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_episodes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_episodes_cluster_alert_name_starts_at_idx" ON "alert_episodes"("cluster", "alert_name", "starts_at");

-- CreateIndex
CREATE INDEX "alert_episodes_resolved_at_idx" ON "alert_episodes"("resolved_at");

-- CreateIndex
CREATE UNIQUE INDEX "alert_episodes_cluster_fingerprint_starts_at_key" ON "alert_episodes"("cluster", "fingerprint", "starts_at");
