import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";

/** Any address Tributary does not serve: say so and lead back to the clusters. */
export default function NotFound() {
  return (
    <Card>
      <EmptyState icon={<SearchX aria-hidden className="size-8" />} title="There is no page at this address.">
        <p>The link may be mistyped or out of date.</p>
        <Button asChild variant="secondary" className="mt-4">
          <Link href="/">Back to the clusters</Link>
        </Button>
      </EmptyState>
    </Card>
  );
}
