"use client";

import { Card, CardHeader } from "~/components/ui/card";
import { InviteForm } from "./invite-form";
import { PendingInvites } from "./pending-invites";
import { UsersTable } from "./users-table";

export function UsersAdmin() {
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Users</h1>
      <Card>
        <CardHeader title="Invite a user" description="A one-time link with the role you choose." />
        <div className="p-5">
          <InviteForm />
        </div>
      </Card>
      <Card>
        <CardHeader title="Pending invites" description="Links not used yet. Revoke one sent to the wrong address." />
        <div className="p-5">
          <PendingInvites />
        </div>
      </Card>
      <Card>
        <CardHeader title="Accounts" description="Disabling an account signs it out everywhere." />
        <div className="p-5">
          <UsersTable />
        </div>
      </Card>
    </div>
  );
}
