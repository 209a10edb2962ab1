"use client";

import { Ban } from "lucide-react";
import { CLUSTER_COLOUR_CLASSES } from "~/components/cluster-badge";
import { FieldGroup } from "~/components/ui/input";
import { CLUSTER_COLOURS, type TClusterColour } from "~/domain/cluster-settings";
import { cn } from "~/lib/cn";

const SWATCH = "flex size-8 cursor-pointer items-center justify-center rounded-full ring-offset-2 ring-offset-surface";

/** The fixed palette as radio buttons (arrow keys move between them); red reads as production. */
export function ColourPicker({
  value,
  onChange,
  disabled,
}: {
  value: TClusterColour | null;
  onChange: (colour: TClusterColour | null) => void;
  disabled?: boolean;
}) {
  const options: (TClusterColour | null)[] = [null, ...CLUSTER_COLOURS];
  return (
    <FieldGroup legend="Colour" hint="Shown on every page of the cluster. Red is for production.">
      <div role="radiogroup" aria-label="Colour" className="flex flex-wrap gap-2">
        {options.map((colour) => {
          const name = colour ? CLUSTER_COLOUR_CLASSES[colour].name : "None";
          const isChecked = value === colour;
          return (
            <label key={name} title={name} className="relative">
              <input
                type="radio"
                name="cluster-colour"
                className="peer sr-only"
                checked={isChecked}
                disabled={disabled}
                onChange={() => onChange(colour)}
                aria-label={name}
              />
              <span
                className={cn(
                  SWATCH,
                  colour ? CLUSTER_COLOUR_CLASSES[colour].fill : "border-line text-muted border",
                  "peer-focus-visible:ring-accent peer-focus-visible:ring-2",
                  isChecked && "ring-ink ring-2",
                  disabled && "cursor-not-allowed opacity-50",
                )}
              >
                {colour ? null : <Ban aria-hidden className="size-4" />}
              </span>
            </label>
          );
        })}
      </div>
    </FieldGroup>
  );
}
