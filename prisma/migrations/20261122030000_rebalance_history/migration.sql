-- CreateTable
CREATE TABLE "group_rebalances" (
    "id" BIGSERIAL NOT NULL,
    "cluster_id" TEXT NOT NULL,
    "group_id" TEXT NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "generation" INTEGER,
    "state_changes" JSONB NOT NULL,
    "joined_members" JSONB NOT NULL,
    "left_members" JSONB NOT NULL,
    "assignment_before" JSONB,
    "assignment_after" JSONB,
    "moved_partitions" JSONB NOT NULL,

    CONSTRAINT "group_rebalances_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "group_rebalances_cluster_id_group_id_detected_at_idx" ON "group_rebalances"("cluster_id", "group_id", "detected_at");

-- CreateIndex
CREATE INDEX "group_rebalances_detected_at_idx" ON "group_rebalances"("detected_at");
