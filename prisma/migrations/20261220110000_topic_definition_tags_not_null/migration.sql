-- A definition's tags are a list, never NULL (schema.prisma: String[] @default([])); the first
-- migration left the column nullable, which the schema-match test reports.
UPDATE "topic_definitions" SET "tags" = ARRAY[]::TEXT[] WHERE "tags" IS NULL;
ALTER TABLE "topic_definitions" ALTER COLUMN "tags" SET NOT NULL;
