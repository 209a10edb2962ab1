/** Shared recharts styling in the design tokens, so every chart reads the same in light and dark mode. */
export const CHART_TOOLTIP_STYLE = {
  background: "var(--color-surface)",
  border: "1px solid var(--color-line)",
  borderRadius: 6,
  color: "var(--color-ink)",
  fontSize: 12,
} as const;
