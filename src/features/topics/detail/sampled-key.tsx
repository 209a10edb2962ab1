/** Longer keys are cut here; the whole key is in the title. */
const MAX_SHOWN = 40;

/** A key from a topic: untrusted data, so rendered as text only, cut short with the full key in the title. */
export function SampledKey({ value }: { value: string }) {
  const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
  return (
    <span className="font-mono break-all" title={value}>
      {shown === "" ? <span className="text-muted">(empty key)</span> : shown}
    </span>
  );
}
