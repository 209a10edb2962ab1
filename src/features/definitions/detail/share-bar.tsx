/** A bar split into matching (green) and non-matching (red) values; the numbers are in the sentence beside it. */
export function ShareBar({ matched, sampled }: { matched: number; sampled: number }) {
  const percent = sampled > 0 ? (matched / sampled) * 100 : 0;
  return (
    <div
      role="meter"
      aria-label="Share of sampled values that match the schema"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percent)}
      className="bg-danger-soft flex h-3 w-full max-w-xl overflow-hidden rounded-full"
    >
      <div className="bg-ok h-full" style={{ width: `${percent}%` }} />
    </div>
  );
}
