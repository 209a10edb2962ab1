"use client";

import type { ColorMode } from "@xyflow/react";
import { useTheme } from "next-themes";

/** The canvas follows the app's theme (next-themes), so dark mode needs no second switch. */
export function useCanvasColorMode(): ColorMode {
  const { resolvedTheme } = useTheme();
  return resolvedTheme === "dark" ? "dark" : "light";
}
