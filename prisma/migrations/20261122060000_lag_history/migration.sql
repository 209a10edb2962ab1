-- CreateTable
CREATE TABLE "group_lag_samples" (
    "id" BIGSERIAL NOT NULL,
    "cluster_id" TEXT NOT NULL,
    "group_id" TEXT NOT NULL,
    "sampled_at" TIMESTAMPTZ(3) NOT NULL,
    "total_lag" BIGINT NOT NULL,
    "time_lag_ms" BIGINT,
    "partitions" JSONB NOT NULL,

    CONSTRAINT "group_lag_samples_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "group_lag_samples_cluster_id_group_id_sampled_at_idx" ON "group_lag_samples"("cluster_id", "group_id", "sampled_at");

-- CreateIndex
CREATE INDEX "group_lag_samples_sampled_at_idx" ON "group_lag_samples"("sampled_at");
