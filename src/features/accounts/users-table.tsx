"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge } from "~/components/ui/badge";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Select } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { ZRole } from "~/domain/accounts";
import { useTRPC } from "~/trpc/react";

/** Every account with its role and status; admins change roles and disable or enable accounts. */
export function UsersTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.admin.users.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.queryKey() });
  const setRole = useMutation({ ...trpc.admin.users.setRole.mutationOptions(), onSettled: refresh });
  const setDisabled = useMutation({ ...trpc.admin.users.setDisabled.mutationOptions(), onSettled: refresh });

  if (users.isPending) return <Skeleton className="h-40" />;
  return (
    <div className="space-y-3">
      <ErrorBanner error={setRole.error ?? setDisabled.error ?? users.error} />
      <table className="w-full text-sm">
        <thead className="text-muted text-left">
          <tr>
            <th className="py-2">Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((user) => (
            <tr key={user.id} className="border-line border-t">
              <td className="py-2">{user.name}</td>
              <td>{user.email}</td>
              <td>
                <Select
                  aria-label={`Role of ${user.email}`}
                  value={user.role}
                  onChange={(event) => setRole.mutate({ userId: user.id, role: ZRole.parse(event.target.value) })}
                >
                  {ZRole.options.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </Select>
              </td>
              <td>{user.disabled ? <Badge>disabled</Badge> : "active"}</td>
              <td className="text-right">
                <Button onClick={() => setDisabled.mutate({ userId: user.id, disabled: !user.disabled })}>
                  {user.disabled ? "Enable" : "Disable"}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
