"use client";

import { Card, CardHeader } from "~/components/ui/card";
import { ALWAYS_DENIED, ALWAYS_DENIED_NAMES } from "~/domain/network/address-policy.mjs";
import { AddressRulesForm } from "./address-rules-form";

/** The address policy every socket of the Kafka clients is checked against. */
export function NetworkAdmin() {
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Network</h1>
      <Card>
        <CardHeader
          title="Address policy"
          description="Every socket Tributary opens to Kafka — bootstrap servers and the brokers they advertise — is checked against these lists, after DNS. Changes apply to new connections at once."
        />
        <div className="p-5">
          <AddressRulesForm />
        </div>
      </Card>
      <Card>
        <CardHeader
          title="Always refused"
          description="Whatever the lists say: cloud metadata services and addresses no broker lives at."
        />
        <ul className="grid gap-x-6 gap-y-1 p-5 text-sm sm:grid-cols-2" aria-label="Always refused">
          {ALWAYS_DENIED.map((entry) => (
            <li key={entry.rule}>
              <code>{entry.rule}</code> <span className="text-muted">· {entry.what}</span>
            </li>
          ))}
          {ALWAYS_DENIED_NAMES.map((name) => (
            <li key={name}>
              <code>{name}</code> <span className="text-muted">· a cloud metadata name</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
