import { describe, expect, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import { connectionKeyOf, formFromCluster, settingsFromForm, validateForm } from "./cluster-form-state";

const CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

const stored: TCluster = {
  id: "c1",
  name: "orders-prod",
  bootstrapServers: "kafka-1:9093",
  isReadOnly: true,
  isDefault: false,
  label: "production",
  colour: "red",
  sasl: { mechanism: "SCRAM-SHA-512", username: "tributary", hasPassword: true },
  tls: { caPem: CA, clientCertificatePem: null, hasClientKey: false, serverName: null },
};

describe("the cluster form", () => {
  it("starts an edit with every stored setting and the secrets empty", () => {
    const form = formFromCluster(stored);
    expect(form).toMatchObject({ name: "orders-prod", saslMechanism: "SCRAM-SHA-512", isTls: true, caPem: CA });
    expect(form.saslPassword).toBe("");
    expect(form.clientKeyPem).toBe("");
  });

  it("leaves empty secrets out, so the stored ones are kept", () => {
    const settings = settingsFromForm(formFromCluster(stored));
    expect(settings.sasl).toEqual({ mechanism: "SCRAM-SHA-512", username: "tributary", password: undefined });
    expect(settings.tls).toEqual({ caPem: CA, clientCertificatePem: null, clientKeyPem: undefined, serverName: null });
    expect(validateForm(formFromCluster(stored))).toEqual({});
  });

  it("sends no SASL and no TLS when they are switched off, and empty text as none", () => {
    const form = { ...formFromCluster(stored), saslMechanism: "" as const, isTls: false, label: "  " };
    expect(settingsFromForm(form)).toMatchObject({ sasl: null, tls: null, label: null });
  });

  it("needs a new test when the connection changes, not when the label does", () => {
    const form = formFromCluster(stored);
    expect(connectionKeyOf({ ...form, label: "prod", colour: "orange" })).toBe(connectionKeyOf(form));
    expect(connectionKeyOf({ ...form, saslPassword: "new" })).not.toBe(connectionKeyOf(form));
    expect(connectionKeyOf({ ...form, bootstrapServers: "kafka-2:9093" })).not.toBe(connectionKeyOf(form));
  });

  it("says what is wrong with each field, by its path", () => {
    const errors = validateForm({
      ...formFromCluster(null),
      bootstrapServers: "not a broker",
      saslMechanism: "PLAIN",
      isTls: true,
      caPem: "hello",
    });
    expect(errors.name).toBe("give the cluster a name");
    expect(errors.bootstrapServers).toMatch(/host:port/);
    expect(errors["sasl.username"]).toBe("give the SASL username");
    expect(errors["tls.caPem"]).toMatch(/PEM/);
  });
});
