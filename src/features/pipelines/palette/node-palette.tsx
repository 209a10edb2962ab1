"use client";

import { NODE_KINDS, type TNodeKind } from "~/domain/pipelines/kind-spec";
import { specOf } from "~/domain/pipelines/kinds";
import { KindIcon } from "../canvas/kind-icon";

/** The drag payload's type: a kind name dropped onto the canvas. */
export const PALETTE_DRAG_TYPE = "application/x-tributary-node-kind";

/**
 * Every node kind, from the registry. Drag one onto the canvas, or focus it and press Enter to
 * add it at the centre of the view (keyboard users).
 */
export function NodePalette({ onAdd, disabled }: { onAdd: (kind: TNodeKind) => void; disabled?: boolean }) {
  return (
    <nav aria-label="Node kinds" className="space-y-1">
      <h2 className="text-muted px-1 text-xs font-medium tracking-wide uppercase">Add</h2>
      <ul className="space-y-1">
        {NODE_KINDS.map((kind) => {
          const spec = specOf(kind);
          return (
            <li key={kind}>
              <button
                type="button"
                draggable={!disabled}
                disabled={disabled}
                data-kind={kind}
                title={`${spec.description || spec.label} — drag onto the canvas, or press Enter to add it in the middle.`}
                onDragStart={(event) => {
                  event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
                  event.dataTransfer.effectAllowed = "move";
                }}
                onClick={() => onAdd(kind)}
                className="border-line bg-surface hover:bg-surface-raised flex w-full cursor-grab items-center gap-2 rounded-md border px-2 py-1.5 text-left text-sm disabled:cursor-not-allowed disabled:opacity-50"
              >
                <KindIcon icon={spec.icon} className="text-muted size-4 shrink-0" />
                <span className="truncate">{spec.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
