/** Shared recharts styling in the design tokens, so every chart reads the same in light and dark mode. */
export const CHART_TOOLTIP_STYLE = {
  background: "var(--color-surface)",
  border: "1px solid var(--color-line)",
  borderRadius: 6,
  color: "var(--color-ink)",
  fontSize: 12,
} as const;

/**
 * Series colours from the theme tokens, so they follow light and dark mode. Past the five tokens,
 * the same hues are mixed towards the text colour to stay distinct.
 */
const BASE_COLOURS = ["--color-accent", "--color-ok", "--color-warn", "--color-danger", "--color-muted"];
export function seriesColour(index: number): string {
  const base = `var(${BASE_COLOURS[index % BASE_COLOURS.length]})`;
  const round = Math.floor(index / BASE_COLOURS.length) % 3;
  return round === 0 ? base : `color-mix(in oklab, ${base} ${100 - round * 30}%, var(--color-ink))`;
}

/** The grid every time chart draws: horizontal lines only. */
export const CHART_GRID_PROPS = { stroke: "var(--color-line)", vertical: false } as const;

/** An x axis over time: rows carry epoch milliseconds in `at`, shown over the whole `domain`. */
export function timeAxisProps(domain: [number, number], tickFormatter: (at: number) => string) {
  return {
    dataKey: "at",
    type: "number",
    scale: "time",
    domain,
    tickFormatter,
    stroke: "var(--color-muted)",
    tickLine: false,
    fontSize: 12,
    minTickGap: 40,
  } as const;
}

/** A y axis of values in the muted ink, without tick marks. */
export const VALUE_AXIS_PROPS = { stroke: "var(--color-muted)", tickLine: false, fontSize: 12 } as const;
