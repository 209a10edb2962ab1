/** Where a connection string points, without its credentials — safe to show in messages and logs. */
export type TDatabaseTarget = {
  host: string;
  port: number;
  database: string;
};

/** Parses a postgresql:// URL into host, port and database; the password is never kept. */
export function describeDatabaseUrl(databaseUrl: string): TDatabaseTarget {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error("DATABASE_URL is not a valid URL — expected postgresql://user:password@host:port/database.");
  }
  // A Unix-socket URL keeps its host in ?host=; show that rather than an empty string.
  const host = url.hostname || url.searchParams.get("host") || "localhost";
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  return { host, port: url.port ? Number(url.port) : 5432, database };
}

/** The same server and credentials, another database (e.g. `postgres` for CREATE DATABASE). */
export function urlForDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Removes the URL's password from any text (pg errors sometimes echo connection details). */
export function redactPassword(text: string, databaseUrl: string): string {
  let password = "";
  try {
    password = new URL(databaseUrl).password;
  } catch {
    return text;
  }
  if (!password) return text;
  return text.split(password).join("***").split(decodeURIComponent(password)).join("***");
}

/** Quotes an identifier for SQL (`CREATE DATABASE "name"`). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
