"use client";

import { X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { Select } from "~/components/ui/input";
import { SearchBox } from "~/components/ui/search-box";
import { LAYER_LABELS, TOPIC_LAYERS, type TTopicLayer } from "~/domain/definitions/definition";
import type { TCatalogueView } from "./catalogue-url";

type CatalogueToolbarProps = {
  view: TCatalogueView;
  onChange: (change: Partial<TCatalogueView>) => void;
  actions: ReactNode;
};

/** Search (name, owner, tags), the layer, and the tag or owner picked from a row, each removable. */
export function CatalogueToolbar({ view, onChange, actions }: CatalogueToolbarProps) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchBox
          search={view.search}
          onSearchChange={(search) => onChange({ search })}
          label="Search definitions by name, owner or tag"
          placeholder="Search name, owner, tag…"
        />
        <Select
          aria-label="Layer"
          value={view.layer ?? ""}
          onChange={(event) => onChange({ layer: (event.target.value || null) as TTopicLayer | null })}
          className="w-44"
        >
          <option value="">All layers</option>
          {TOPIC_LAYERS.map((layer) => (
            <option key={layer} value={layer}>
              {LAYER_LABELS[layer]}
            </option>
          ))}
        </Select>
        <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div>
      </div>
      {view.tag || view.owner ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted">Only</span>
          {view.tag ? <FilterChip label={`tag ${view.tag}`} onRemove={() => onChange({ tag: null })} /> : null}
          {view.owner ? <FilterChip label={`owner ${view.owner}`} onRemove={() => onChange({ owner: null })} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function FilterChip({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <Button
      variant="secondary"
      className="h-7 rounded-full px-2.5 text-xs"
      onClick={onRemove}
      aria-label={`Remove filter: ${label}`}
    >
      {label}
      <X aria-hidden className="size-3.5" />
    </Button>
  );
}
