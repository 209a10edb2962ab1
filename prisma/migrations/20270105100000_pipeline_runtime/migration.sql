-- Pipeline runtime: deployments (desired state), runners and their step members (reported state),
-- step throughput samples, and leases of background jobs that run on one web server.
CREATE TABLE "pipeline_deployments" (
    "id" TEXT NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "cluster_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "desired_state" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 1,
    "deployed_at" TIMESTAMPTZ(3) NOT NULL,
    "deployed_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pipeline_deployments_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "pipeline_deployments_pipeline_id_key" ON "pipeline_deployments"("pipeline_id");
CREATE UNIQUE INDEX "pipeline_deployments_cluster_id_slug_key" ON "pipeline_deployments"("cluster_id", "slug");

ALTER TABLE "pipeline_deployments" ADD CONSTRAINT "pipeline_deployments_pipeline_id_fkey" FOREIGN KEY ("pipeline_id") REFERENCES "pipelines"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "pipeline_runners" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL,
    "stopped_at" TIMESTAMPTZ(3),

    CONSTRAINT "pipeline_runners_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "pipeline_runners_heartbeat_at_idx" ON "pipeline_runners"("heartbeat_at");

CREATE TABLE "pipeline_step_members" (
    "id" TEXT NOT NULL,
    "runner_id" TEXT NOT NULL,
    "deployment_id" TEXT NOT NULL,
    "node_id" TEXT NOT NULL,
    "instance" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "reason" TEXT,
    "member_id" TEXT,
    "partitions" JSONB NOT NULL,
    "consumed" BIGINT NOT NULL DEFAULT 0,
    "produced" BIGINT NOT NULL DEFAULT 0,
    "dead_lettered" BIGINT NOT NULL DEFAULT 0,
    "port_counts" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pipeline_step_members_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "pipeline_step_members_deployment_id_idx" ON "pipeline_step_members"("deployment_id");

ALTER TABLE "pipeline_step_members" ADD CONSTRAINT "pipeline_step_members_runner_id_fkey" FOREIGN KEY ("runner_id") REFERENCES "pipeline_runners"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "pipeline_step_members" ADD CONSTRAINT "pipeline_step_members_deployment_id_fkey" FOREIGN KEY ("deployment_id") REFERENCES "pipeline_deployments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "pipeline_step_samples" (
    "id" BIGSERIAL NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "node_id" TEXT NOT NULL,
    "sampled_at" TIMESTAMPTZ(3) NOT NULL,
    "in_rate" DOUBLE PRECISION NOT NULL,
    "out_rate" DOUBLE PRECISION NOT NULL,
    "dead_letter_rate" DOUBLE PRECISION NOT NULL,
    "lag" BIGINT,

    CONSTRAINT "pipeline_step_samples_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "pipeline_step_samples_pipeline_id_node_id_sampled_at_idx" ON "pipeline_step_samples"("pipeline_id", "node_id", "sampled_at");
CREATE INDEX "pipeline_step_samples_sampled_at_idx" ON "pipeline_step_samples"("sampled_at");

CREATE TABLE "worker_leases" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "worker_leases_pkey" PRIMARY KEY ("name")
);
