import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded setup", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ KAFKA_BROKERS: "127.0.0.1:9092", PORT: 3000, KAFKA_LOCAL: "auto" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats an empty variable as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it("names each bad variable and says what is expected", () => {
    const parse = () => parseEnv({ PORT: "70000", KAFKA_BROKERS: "localhost" });
    expect(parse).toThrow(/PORT: expected a port between 1 and 65535 \(got "70000"\)/);
    expect(parse).toThrow(
      /KAFKA_BROKERS: expected a comma-separated list of host:port, e\.g\. 127\.0\.0\.1:9092 \(got "localhost"\)/,
    );
  });

  it("rejects a DATABASE_URL that is not PostgreSQL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/DATABASE_URL: expected postgresql:\/\//);
  });
});

describe("HOST and ALLOWED_HOSTS", () => {
  it("listens on loopback unless told otherwise", () => {
    expect(parseEnv({}).HOST).toBe("127.0.0.1");
    expect(parseEnv({}).ALLOWED_HOSTS).toBeUndefined();
  });

  it("accepts host names, addresses and ports in ALLOWED_HOSTS and names a bad entry", () => {
    expect(parseEnv({ ALLOWED_HOSTS: "kafka-ui.example.com, 10.0.0.5:3000,[::1]:3000" }).ALLOWED_HOSTS).toBeDefined();
    expect(() => parseEnv({ ALLOWED_HOSTS: "https://x.example" })).toThrow(/ALLOWED_HOSTS: expected a comma-separated/);
  });
});

describe("single sign-on (OIDC)", () => {
  const complete = {
    OIDC_ISSUER: "https://id.example.com/realms/ops",
    OIDC_CLIENT_ID: "tributary",
    OIDC_CLIENT_SECRET: "s3cret-value-never-printed",
  };

  it("is off unless configured, and names the button 'single sign-on' with viewers by default", () => {
    expect(parseEnv({}).OIDC_ISSUER).toBeUndefined();
    expect(parseEnv(complete)).toMatchObject({ ...complete, OIDC_NAME: "single sign-on", OIDC_DEFAULT_ROLE: "viewer" });
  });

  it("refuses a partial configuration, naming what is missing", () => {
    const parse = () => parseEnv({ OIDC_ISSUER: complete.OIDC_ISSUER, OIDC_CLIENT_ID: "tributary" });
    expect(parse).toThrow(
      /OIDC_CLIENT_SECRET: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET together/,
    );
    expect(() => parseEnv({ OIDC_CLIENT_SECRET: complete.OIDC_CLIENT_SECRET })).toThrow(
      /OIDC_ISSUER: .*OIDC_CLIENT_SECRET is set/,
    );
  });

  it("never prints the client secret in its error", () => {
    let message = "";
    try {
      parseEnv({ OIDC_CLIENT_SECRET: complete.OIDC_CLIENT_SECRET, OIDC_ISSUER: "not a url" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/OIDC_ISSUER: expected the provider's issuer URL/);
    expect(message).not.toContain(complete.OIDC_CLIENT_SECRET);
  });

  it("never makes admins by default", () => {
    expect(() => parseEnv({ ...complete, OIDC_DEFAULT_ROLE: "admin" })).toThrow(
      /OIDC_DEFAULT_ROLE: expected viewer or operator \(only an admin makes admins\)/,
    );
    expect(parseEnv({ ...complete, OIDC_DEFAULT_ROLE: "operator" }).OIDC_DEFAULT_ROLE).toBe("operator");
  });
});

describe("TRIBUTARY_SECRET_KEY", () => {
  it("takes 32 bytes as hex or base64", () => {
    expect(parseEnv({ TRIBUTARY_SECRET_KEY: "ab".repeat(32) }).TRIBUTARY_SECRET_KEY).toBe("ab".repeat(32));
    expect(parseEnv({ TRIBUTARY_SECRET_KEY: `${"A".repeat(43)}=` }).TRIBUTARY_SECRET_KEY).toBeDefined();
  });

  it("says what a key looks like, without printing the bad one", () => {
    const parse = () => parseEnv({ TRIBUTARY_SECRET_KEY: "hunter2-canary" });
    expect(parse).toThrow(
      "TRIBUTARY_SECRET_KEY: expected 32 random bytes as 64 hex digits or 44 base64 characters, e.g. `openssl rand -base64 32` (got a secret of 14 characters)",
    );
    expect(parse).toThrow(expect.not.objectContaining({ message: expect.stringContaining("hunter2") }));
  });
});
