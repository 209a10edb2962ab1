-- Topic definitions: the intended state of each topic, its value schema versions and its latest
-- conformance check.
CREATE TABLE "topic_definitions" (
    "id" TEXT NOT NULL,
    "cluster_id" TEXT NOT NULL,
    "topic_name" TEXT NOT NULL,
    "layer" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "key_description" TEXT NOT NULL DEFAULT '',
    "partitions" INTEGER NOT NULL,
    "replication_factor" INTEGER NOT NULL,
    "configs" JSONB NOT NULL,
    "schema_format" TEXT,
    "compatibility" TEXT NOT NULL DEFAULT 'backward',
    "produce_validation" TEXT NOT NULL DEFAULT 'refuse',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" TEXT NOT NULL,

    CONSTRAINT "topic_definitions_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "topic_definitions_cluster_id_topic_name_key" ON "topic_definitions"("cluster_id", "topic_name");
CREATE INDEX "topic_definitions_cluster_id_layer_idx" ON "topic_definitions"("cluster_id", "layer");

ALTER TABLE "topic_definitions" ADD CONSTRAINT "topic_definitions_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "topic_schema_versions" (
    "id" SERIAL NOT NULL,
    "definition_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,

    CONSTRAINT "topic_schema_versions_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "topic_schema_versions_definition_id_version_key" ON "topic_schema_versions"("definition_id", "version");

ALTER TABLE "topic_schema_versions" ADD CONSTRAINT "topic_schema_versions_definition_id_fkey" FOREIGN KEY ("definition_id") REFERENCES "topic_definitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "topic_conformance" (
    "definition_id" TEXT NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL,
    "schema_version" INTEGER NOT NULL,
    "sampled" INTEGER NOT NULL,
    "matched" INTEGER NOT NULL,
    "examples" JSONB NOT NULL,
    "failure" TEXT,

    CONSTRAINT "topic_conformance_pkey" PRIMARY KEY ("definition_id")
);

ALTER TABLE "topic_conformance" ADD CONSTRAINT "topic_conformance_definition_id_fkey" FOREIGN KEY ("definition_id") REFERENCES "topic_definitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
