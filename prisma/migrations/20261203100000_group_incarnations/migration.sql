-- A consumer group deleted and created again with the same id starts a new incarnation; its
-- generations restart. Rows stored before this migration belong to the first incarnation.
ALTER TABLE "group_rebalances" ADD COLUMN "incarnation" INTEGER NOT NULL DEFAULT 1;
