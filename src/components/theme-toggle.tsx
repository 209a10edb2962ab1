"use client";

import { Moon, Sun } from "lucide-react";
import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";
import { Button } from "./ui/button";

const subscribe = () => () => {};

export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  // The theme is known only in the browser; the server renders the neutral label, so hydration matches.
  const isClient = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const isDark = isClient && resolvedTheme === "dark";
  return (
    <Button
      variant="ghost"
      aria-label={isClient ? (isDark ? "Switch to light mode" : "Switch to dark mode") : "Switch colour mode"}
      onClick={() => setTheme(isDark ? "light" : "dark")}
    >
      <Sun aria-hidden className="hidden size-4 dark:block" />
      <Moon aria-hidden className="size-4 dark:hidden" />
    </Button>
  );
}
