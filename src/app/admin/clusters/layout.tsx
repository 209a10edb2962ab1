import { ShieldAlert } from "lucide-react";
import type { ReactNode } from "react";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { roleRefusal } from "~/domain/accounts";
import { getServerQueryClient, serverTrpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

/**
 * Cluster settings are for admins. Their changes are `procedure("admin")` anyway; the pages are
 * refused here, on the server, so a viewer never sees a form whose every button would fail.
 */
export default async function ClusterSettingsLayout({ children }: { children: ReactNode }) {
  // Signed out is the sign-in redirect's business; an unreadable account leaves it to the API's checks.
  const me = await getServerQueryClient()
    .fetchQuery(serverTrpc.auth.me.queryOptions())
    .catch(() => null);
  if (me && me.role !== "admin") {
    return (
      <Card>
        <EmptyState icon={<ShieldAlert aria-hidden className="size-8" />} title={roleRefusal("admin", me.role)}>
          Cluster settings are changed by admins. Ask one to add or change a cluster.
        </EmptyState>
      </Card>
    );
  }
  return children;
}
