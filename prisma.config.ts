import { defineConfig } from "prisma/config";

/**
 * Prisma 7 CLI config. Only the CLI reads this file; the app passes its URL to the driver adapter
 * (src/server/db/client.ts). `prisma generate` needs no database, so DATABASE_URL may be unset —
 * `env("DATABASE_URL")` from prisma/config would throw in that case, hence plain process.env.
 */
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL },
});
