import { Crown } from "lucide-react";
import type { TBroker } from "~/domain/cluster";
import { Badge } from "~/components/ui/badge";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { formatCount, pluralize } from "~/lib/format";

export function BrokerTable({ brokers }: { brokers: TBroker[] }) {
  return (
    <Card>
      <CardHeader title="Brokers" description={`${pluralize(brokers.length, "broker")} answering metadata requests`} />
      {brokers.length === 0 ? (
        <EmptyState title="No brokers in the metadata">The cluster answered but named no live broker.</EmptyState>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-muted text-left text-xs uppercase">
            <tr>
              <th scope="col" className="px-5 py-2 font-medium">
                Broker id
              </th>
              <th scope="col" className="px-5 py-2 font-medium">
                Host:port
              </th>
              <th scope="col" className="px-5 py-2 font-medium">
                Rack
              </th>
              <th scope="col" className="px-5 py-2 text-right font-medium">
                Partitions led
              </th>
              <th scope="col" className="px-5 py-2 text-right font-medium">
                Replicas hosted
              </th>
              <th scope="col" className="px-5 py-2 font-medium">
                Role
              </th>
            </tr>
          </thead>
          <tbody>
            {brokers.map((broker) => (
              <tr key={broker.nodeId} className="border-line border-t" data-testid="broker-row">
                <td className="px-5 py-2.5 font-mono tabular-nums">{broker.nodeId}</td>
                <td className="px-5 py-2.5 font-mono">
                  {broker.host}:{broker.port}
                </td>
                <td className="px-5 py-2.5">{broker.rack ?? <span className="text-muted">none</span>}</td>
                <td className="px-5 py-2.5 text-right tabular-nums">{formatCount(broker.leaderCount)}</td>
                <td className="px-5 py-2.5 text-right tabular-nums">{formatCount(broker.replicaCount)}</td>
                <td className="px-5 py-2.5">
                  {broker.isController ? (
                    <Badge tone="accent">
                      <Crown aria-hidden className="size-3" />
                      controller
                    </Badge>
                  ) : (
                    <span className="text-muted">broker</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
