import { catalogueHref } from "~/components/definitions/definition-links";
import { Breadcrumb } from "~/components/ui/breadcrumb";

/** Catalogue › the page's own name (a topic, "Plan", "Import topics"). */
export function DefinitionBreadcrumb({ clusterId, current }: { clusterId: string; current: string }) {
  return <Breadcrumb parent={{ href: catalogueHref(clusterId), label: "Catalogue" }} current={current} />;
}
