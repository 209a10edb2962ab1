-- Audit rows name people (id and display name), say where the request came from, and carry the
-- lifecycle of a change: "pending" before Kafka is asked, then "ok" or "error" with its reason.

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN "completed_at" TIMESTAMPTZ(3),
ADD COLUMN "actor_name" TEXT NOT NULL DEFAULT '',
ADD COLUMN "reason" TEXT,
ADD COLUMN "ip" TEXT,
ADD COLUMN "user_agent" TEXT;

-- Rows written before this migration knew only the actor's id; it is the best name they have.
-- Their outcome was written after the change, so they completed when they were written.
UPDATE "audit_events" SET "actor_name" = "actor", "completed_at" = "at";
UPDATE "audit_events" SET "reason" = "details"->>'reason' WHERE "outcome" = 'error';
ALTER TABLE "audit_events" ALTER COLUMN "actor_name" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "audit_events_actor_at_idx" ON "audit_events"("actor", "at");

-- CreateIndex
CREATE INDEX "audit_events_action_at_idx" ON "audit_events"("action", "at");
