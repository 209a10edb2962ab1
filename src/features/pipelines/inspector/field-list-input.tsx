"use client";

import { useState } from "react";
import { Textarea } from "~/components/ui/input";

/** Field paths, one per line; the text is kept as typed so a new empty line survives until filled. */
export function FieldListInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange: (paths: string[]) => void;
}) {
  const paths = Array.isArray(value) ? value.map(String) : [];
  const [text, setText] = useState(() => paths.join("\n"));
  const parsed = (raw: string) =>
    raw
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
  // An outside change (undo) shows the new list; typing keeps the user's own text.
  const shown = parsed(text).join("\n") === paths.join("\n") ? text : paths.join("\n");
  return (
    <Textarea
      id={id}
      rows={Math.max(2, paths.length + 1)}
      placeholder="payload.cpu"
      value={shown}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parsed(event.target.value));
      }}
    />
  );
}
