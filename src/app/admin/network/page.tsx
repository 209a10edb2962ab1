import type { Metadata } from "next";
import { NetworkAdmin } from "~/features/network/network-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Network" };

/** Admins only: the admin.network procedures refuse anyone else with a sentence the page shows. */
export default function NetworkPage() {
  return <NetworkAdmin />;
}
