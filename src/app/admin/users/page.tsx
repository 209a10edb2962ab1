import type { Metadata } from "next";
import { UsersAdmin } from "~/features/accounts/users-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

/** Admins only: every procedure the page calls is `procedure("admin")`. */
export default function UsersPage() {
  return <UsersAdmin />;
}
