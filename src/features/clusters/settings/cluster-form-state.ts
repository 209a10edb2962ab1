import type { TCluster } from "~/domain/cluster";
import {
  ZClusterSettings,
  type TClusterColour,
  type TClusterSettingsInput,
  type TSaslMechanism,
} from "~/domain/cluster-settings";

/**
 * The cluster form as the admin edits it: plain strings, "" for "not set". Secrets (the SASL
 * password, the TLS client key) start empty: they are write-only, and empty means "keep the stored one".
 */
export type TClusterForm = {
  name: string;
  bootstrapServers: string;
  label: string;
  colour: TClusterColour | null;
  isReadOnly: boolean;
  saslMechanism: TSaslMechanism | "";
  saslUsername: string;
  saslPassword: string;
  isTls: boolean;
  caPem: string;
  clientCertificatePem: string;
  clientKeyPem: string;
  serverName: string;
};

export function formFromCluster(cluster: TCluster | null): TClusterForm {
  return {
    name: cluster?.name ?? "",
    bootstrapServers: cluster?.bootstrapServers ?? "",
    label: cluster?.label ?? "",
    colour: cluster?.colour ?? null,
    isReadOnly: cluster?.isReadOnly ?? false,
    saslMechanism: cluster?.sasl?.mechanism ?? "",
    saslUsername: cluster?.sasl?.username ?? "",
    saslPassword: "",
    isTls: cluster?.tls !== null && cluster?.tls !== undefined,
    caPem: cluster?.tls?.caPem ?? "",
    clientCertificatePem: cluster?.tls?.clientCertificatePem ?? "",
    clientKeyPem: "",
    serverName: cluster?.tls?.serverName ?? "",
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
const orOmitted = (value: string) => (value === "" ? undefined : value);

/** The API's settings: empty fields are "none", and empty secrets are left out (kept as stored). */
export function settingsFromForm(form: TClusterForm): TClusterSettingsInput {
  return {
    name: form.name,
    bootstrapServers: form.bootstrapServers,
    label: orNull(form.label),
    colour: form.colour,
    isReadOnly: form.isReadOnly,
    sasl: form.saslMechanism
      ? { mechanism: form.saslMechanism, username: form.saslUsername, password: orOmitted(form.saslPassword) }
      : null,
    tls: form.isTls
      ? {
          caPem: orNull(form.caPem),
          clientCertificatePem: orNull(form.clientCertificatePem),
          clientKeyPem: orOmitted(form.clientKeyPem.trim()),
          serverName: orNull(form.serverName),
        }
      : null,
  };
}

/** The fields a connection test depends on; a change to any of them needs a new passing test. */
export function connectionKeyOf(form: TClusterForm): string {
  const { bootstrapServers, sasl, tls } = settingsFromForm(form);
  return JSON.stringify({ bootstrapServers: bootstrapServers.trim(), sasl, tls });
}

/** Field path ("sasl.username") → the first sentence zod gives for it. */
export type TFieldErrors = Record<string, string>;

export function validateForm(form: TClusterForm): TFieldErrors {
  const result = ZClusterSettings.safeParse(settingsFromForm(form));
  if (result.success) return {};
  const errors: TFieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join(".");
    errors[path] ??= issue.message;
  }
  return errors;
}
