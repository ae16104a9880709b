-- CreateIndex
CREATE INDEX "acknowledgements_cluster_starts_at_idx" ON "acknowledgements"("cluster", "starts_at");
