import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "~/env";
import { PrismaClient } from "./generated/client";

type TDbCache = { client: PrismaClient; databaseUrl: string };

// Next dev re-evaluates modules on every edit; keeping the client on globalThis stops each reload
// from opening another connection pool.
const cache = globalThis as typeof globalThis & { __tributaryDb?: TDbCache };

/** The Prisma client for DATABASE_URL (which `npm start` sets to the embedded database when unset). */
export function getDb(): PrismaClient {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(
      "DATABASE_URL is not set — start the app with `npm start` (which runs the embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  if (cache.__tributaryDb?.databaseUrl !== databaseUrl) {
    // Only tests switch URLs within one process; close the old pool rather than leak it.
    cache.__tributaryDb?.client.$disconnect().catch(() => undefined);
    const adapter = new PrismaPg({ connectionString: databaseUrl });
    cache.__tributaryDb = { client: new PrismaClient({ adapter }), databaseUrl };
  }
  return cache.__tributaryDb.client;
}
