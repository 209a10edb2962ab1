import { Waves } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { UserMenu } from "./auth/user-menu";
import { ThemeToggle } from "./theme-toggle";

type AppShellProps = {
  /** Which cluster the page shows and the switcher (features/clusters), in the header. */
  clusterBar?: ReactNode;
  /** Links to the sections of the cluster the page shows (topics, groups, catalogue), in the main nav. */
  clusterNav?: ReactNode;
  /** A sentence for the top of the page (e.g. the switcher's), above its content. */
  notice?: ReactNode;
  children: ReactNode;
};

export function AppShell({ clusterBar, clusterNav, notice, children }: AppShellProps) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="focus:bg-surface sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-line bg-surface/90 sticky top-0 z-10 border-b backdrop-blur">
        <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-6 px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <Waves aria-hidden className="text-accent size-5" />
            Tributary
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1 text-sm">
            <Link href="/" className="text-ink hover:bg-surface-raised rounded-md px-3 py-1.5">
              Clusters
            </Link>
            <Link href="/workers" className="text-ink hover:bg-surface-raised rounded-md px-3 py-1.5">
              Workers
            </Link>
            {clusterNav}
          </nav>
          {clusterBar}
          <div className="text-muted ml-auto flex items-center gap-2 text-sm">
            <UserMenu />
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-screen-2xl flex-1 px-6 py-8">
        {notice}
        {children}
      </main>
    </div>
  );
}
