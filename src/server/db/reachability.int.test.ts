import { describe, expect, inject, it } from "vitest";
import { urlForDatabase } from "./database-url";
import { assertDatabaseReachable } from "./reachability";

describe("assertDatabaseReachable", () => {
  it("accepts the test database", async () => {
    await expect(assertDatabaseReachable(inject("databaseUrl"))).resolves.toBeUndefined();
  });

  it("names host, port and database when nothing listens, and never the password", async () => {
    const attempt = assertDatabaseReachable("postgresql://app:s3cret@127.0.0.1:1/tributary");
    await expect(attempt).rejects.toThrow(
      'PostgreSQL at 127.0.0.1:1 (database "tributary") is not reachable (connection refused) — check DATABASE_URL or unset it to use the embedded database.',
    );
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });

  it("says so when the database does not exist on a reachable server", async () => {
    const missing = urlForDatabase(inject("databaseUrl"), "tributary_no_such_database");
    await expect(assertDatabaseReachable(missing)).rejects.toThrow(
      /\(database "tributary_no_such_database"\) is not reachable \(the database does not exist\)/,
    );
  });
});
