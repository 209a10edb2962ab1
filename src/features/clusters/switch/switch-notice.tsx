"use client";

import { X } from "lucide-react";
import { usePathname } from "next/navigation";
import { createContext, useContext, useState, type ReactNode } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";

/** Said after a switch landed on a list because the topic or group is not on that cluster. */
export type TSwitchNotice = { pathname: string; text: string };

type TNoticeState = { notice: TSwitchNotice | null; setNotice: (notice: TSwitchNotice | null) => void };

const NoticeContext = createContext<TNoticeState>({ notice: null, setNotice: () => undefined });

/** Holds the switcher's sentence from the header, where it is made, to the top of the page, where it is read. */
export function SwitchNoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<TSwitchNotice | null>(null);
  return <NoticeContext.Provider value={{ notice, setNotice }}>{children}</NoticeContext.Provider>;
}

export function useSwitchNotice() {
  return useContext(NoticeContext);
}

/** The sentence, on the page it was said for only: leaving that page forgets it. */
export function SwitchNotice() {
  const { notice, setNotice } = useSwitchNotice();
  const pathname = usePathname();
  if (!notice || notice.pathname !== pathname) return null;
  return (
    <div className="mb-6">
      <Banner
        tone="info"
        title={notice.text}
        actions={
          <Button variant="ghost" aria-label="Dismiss" onClick={() => setNotice(null)}>
            <X aria-hidden className="size-4" />
          </Button>
        }
      >
        You are on its list instead.
      </Banner>
    </div>
  );
}
