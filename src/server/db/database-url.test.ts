import { describe, expect, it } from "vitest";
import { describeDatabaseUrl, quoteIdentifier, redactPassword, urlForDatabase } from "./database-url";

describe("database URLs", () => {
  it("describes host, port and database without the credentials", () => {
    expect(describeDatabaseUrl("postgresql://app:s3cret@db.example.com:6543/tributary?sslmode=require")).toEqual({
      host: "db.example.com",
      port: 6543,
      database: "tributary",
    });
  });

  it("defaults the port to 5432 and the database to postgres", () => {
    expect(describeDatabaseUrl("postgres://app@db")).toEqual({ host: "db", port: 5432, database: "postgres" });
  });

  it("rejects something that is not a URL without echoing it", () => {
    expect(() => describeDatabaseUrl("//app:s3cret@db/tributary")).toThrow(/^DATABASE_URL is not a valid URL/);
    expect(() => describeDatabaseUrl("//app:s3cret@db/tributary")).not.toThrow(/s3cret/);
  });

  it("points a URL at another database on the same server, keeping credentials and options", () => {
    expect(urlForDatabase("postgresql://app:pw@db:5432/tributary?sslmode=require", "postgres")).toBe(
      "postgresql://app:pw@db:5432/postgres?sslmode=require",
    );
  });

  it("removes the password, also in its URL-decoded form", () => {
    const url = "postgresql://app:p%40ss@db/tributary";
    expect(redactPassword("auth failed for p%40ss and p@ss", url)).toBe("auth failed for *** and ***");
  });

  it("quotes identifiers", () => {
    expect(quoteIdentifier('we"ird')).toBe('"we""ird"');
  });
});
