import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";

/**
 * The 404 page of a cluster id Tributary does not know: the same sentence and hint the API gives
 * (registered-clusters.ts), rendered on the server so it arrives with the 404 itself.
 */
export function ClusterNotFound() {
  return (
    <Card>
      <EmptyState
        icon={<SearchX aria-hidden className="size-8" />}
        title="This cluster is not registered in Tributary."
      >
        <p>Pick a cluster from the list.</p>
        <Button asChild variant="secondary" className="mt-4">
          <Link href="/">All clusters</Link>
        </Button>
      </EmptyState>
    </Card>
  );
}
