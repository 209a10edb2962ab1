"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import type { TSelection } from "./selection";

/**
 * `?node=<id>` selects that node when the editor opens, and the URL follows the selection (one
 * node: its id; else none), so a link can point at a node. replaceState: no history entry per click.
 */
export function useNodeParam(selection: TSelection, select: (nodeId: string) => void, nodeIds: ReadonlySet<string>) {
  const params = useSearchParams();
  const initial = useRef(params.get("node"));
  useEffect(() => {
    const wanted = initial.current;
    if (wanted && nodeIds.has(wanted)) select(wanted);
    initial.current = null;
    // Only on opening: the URL is written from the selection afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const single = selection.nodes.size === 1 ? [...selection.nodes][0]! : null;
  useEffect(() => {
    if (initial.current !== null) return;
    const url = new URL(window.location.href);
    if ((url.searchParams.get("node") ?? null) === single) return;
    if (single) url.searchParams.set("node", single);
    else url.searchParams.delete("node");
    window.history.replaceState(window.history.state, "", url);
  }, [single]);
}
