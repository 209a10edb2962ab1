import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "~/components/app-shell";
import { ClusterBar } from "~/features/clusters/switch/cluster-bar";
import { ClusterNav } from "~/features/clusters/switch/cluster-nav";
import { SwitchNotice, SwitchNoticeProvider } from "~/features/clusters/switch/switch-notice";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tributary", template: "%s · Tributary" },
  description: "Explore Kafka topics and design pipelines that deploy.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The per-request nonce from src/proxy.ts (reading it renders every page per request, which the
  // CSP needs): next-themes' inline script must carry it to run.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body>
        <Providers nonce={nonce}>
          <SwitchNoticeProvider>
            <AppShell clusterBar={<ClusterBar />} clusterNav={<ClusterNav />} notice={<SwitchNotice />}>
              {children}
            </AppShell>
          </SwitchNoticeProvider>
        </Providers>
      </body>
    </html>
  );
}
