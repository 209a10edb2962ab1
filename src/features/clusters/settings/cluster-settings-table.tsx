import { Pencil } from "lucide-react";
import Link from "next/link";
import { ClusterBadge } from "~/components/cluster-badge";
import { Badge } from "~/components/ui/badge";
import type { TCluster } from "~/domain/cluster";

function security(cluster: TCluster): string {
  const parts = [cluster.sasl ? `SASL ${cluster.sasl.mechanism}` : null, cluster.tls ? "TLS" : null];
  return parts.filter(Boolean).join(" + ") || "plaintext";
}

/** Every registered cluster with how Tributary connects to it, each with its settings link. */
export function ClusterSettingsTable({ clusters }: { clusters: TCluster[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-muted text-left">
          <tr>
            <th className="px-5 py-2 font-medium">Cluster</th>
            <th className="font-medium">Bootstrap servers</th>
            <th className="font-medium">Security</th>
            <th className="font-medium">Mode</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {clusters.map((cluster) => (
            <tr key={cluster.id} className="border-line border-t" data-testid="cluster-settings-row">
              <td className="px-5 py-3">
                <ClusterBadge name={cluster.name} label={cluster.label} colour={cluster.colour} />
              </td>
              <td className="font-mono text-xs">{cluster.bootstrapServers}</td>
              <td>{security(cluster)}</td>
              <td className="space-x-1">
                {cluster.isDefault ? <Badge tone="accent">default</Badge> : null}
                {cluster.isReadOnly ? <Badge>read-only</Badge> : null}
              </td>
              <td className="px-5 text-right">
                <Link
                  href={`/admin/clusters/${encodeURIComponent(cluster.id)}`}
                  className="text-accent inline-flex items-center gap-1 hover:underline"
                  aria-label={`Edit ${cluster.name}`}
                >
                  <Pencil aria-hidden className="size-3.5" />
                  Edit
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
