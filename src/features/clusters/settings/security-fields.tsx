"use client";

import { Checkbox, Field, FieldGroup, Input, Select } from "~/components/ui/input";
import { SASL_MECHANISMS, type TSaslMechanism } from "~/domain/cluster-settings";
import type { TClusterForm, TFieldErrors } from "./cluster-form-state";
import { PemField } from "./pem-field";

type SecurityFieldsProps = {
  form: TClusterForm;
  errors: TFieldErrors;
  onChange: (change: Partial<TClusterForm>) => void;
  /** Whether a password / client key is stored: empty then means "keep it". */
  hasStoredPassword: boolean;
  hasStoredClientKey: boolean;
  disabled: boolean;
};

const keepOrSet = (isStored: boolean, what: string) =>
  isStored ? `Set — leave empty to keep the stored ${what}, or type a new one to replace it.` : undefined;

/** SASL (PLAIN, SCRAM) and TLS: exactly these settings, no raw client properties. */
export function SecurityFields({
  form,
  errors,
  onChange,
  hasStoredPassword,
  hasStoredClientKey,
  disabled,
}: SecurityFieldsProps) {
  return (
    <>
      <FieldGroup legend="SASL authentication" className="space-y-3">
        <Field label="Mechanism" error={errors.sasl}>
          <Select
            value={form.saslMechanism}
            disabled={disabled}
            onChange={(event) => onChange({ saslMechanism: event.target.value as TSaslMechanism | "" })}
            className="w-56"
          >
            <option value="">None</option>
            {SASL_MECHANISMS.map((mechanism) => (
              <option key={mechanism} value={mechanism}>
                {mechanism}
              </option>
            ))}
          </Select>
        </Field>
        {form.saslMechanism ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Username" error={errors["sasl.username"]}>
              <Input
                value={form.saslUsername}
                disabled={disabled}
                autoComplete="off"
                onChange={(event) => onChange({ saslUsername: event.target.value })}
              />
            </Field>
            <Field
              label="Password"
              error={errors["sasl.password"]}
              hint={keepOrSet(hasStoredPassword, "password") ?? "Stored encrypted; never shown again."}
            >
              <Input
                type="password"
                value={form.saslPassword}
                disabled={disabled}
                autoComplete="new-password"
                placeholder={hasStoredPassword ? "•••••••• (set)" : undefined}
                onChange={(event) => onChange({ saslPassword: event.target.value })}
              />
            </Field>
          </div>
        ) : null}
      </FieldGroup>

      <FieldGroup legend="TLS" className="space-y-3">
        <Checkbox
          label="Connect with TLS"
          checked={form.isTls}
          disabled={disabled}
          onChange={(event) => onChange({ isTls: event.target.checked })}
        />
        {form.isTls ? (
          <div className="space-y-3">
            <PemField
              label="CA bundle"
              hint="The certificates that signed the brokers'. Empty: the system's CAs."
              error={errors["tls.caPem"]}
              value={form.caPem}
              disabled={disabled}
              onChange={(caPem) => onChange({ caPem })}
            />
            <PemField
              label="Client certificate"
              hint="For mutual TLS, with its key."
              error={errors["tls.clientCertificatePem"]}
              value={form.clientCertificatePem}
              disabled={disabled}
              onChange={(clientCertificatePem) => onChange({ clientCertificatePem })}
            />
            <PemField
              label="Client key"
              hint={keepOrSet(hasStoredClientKey, "key") ?? "Unencrypted PEM; stored encrypted, never shown again."}
              error={errors["tls.clientKeyPem"]}
              value={form.clientKeyPem}
              disabled={disabled}
              placeholder={hasStoredClientKey ? "(set)" : "-----BEGIN PRIVATE KEY-----"}
              onChange={(clientKeyPem) => onChange({ clientKeyPem })}
            />
            <Field
              label="Server name"
              hint="The name the brokers' certificates carry, when it is not the host in the bootstrap servers."
              error={errors["tls.serverName"]}
            >
              <Input
                value={form.serverName}
                disabled={disabled}
                className="max-w-md"
                onChange={(event) => onChange({ serverName: event.target.value })}
              />
            </Field>
          </div>
        ) : null}
      </FieldGroup>
    </>
  );
}
