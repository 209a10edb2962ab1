import { TOPIC_PRESETS, type TTopicPreset } from "~/domain/topics/presets";

/** Starting points that fill the whole form; they need the broker count to choose the replicas. */
export function PresetButtons({ isReady, onPick }: { isReady: boolean; onPick: (preset: TTopicPreset) => void }) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium">Start from a preset</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {TOPIC_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            disabled={!isReady}
            onClick={() => onPick(preset)}
            className="border-line bg-surface hover:border-accent hover:bg-accent-soft rounded-md border px-3 py-2 text-left disabled:opacity-50"
          >
            <span className="block text-sm font-medium">{preset.label}</span>
            <span className="text-muted block text-xs">{preset.summary}</span>
          </button>
        ))}
      </div>
      {isReady ? null : <p className="text-muted mt-1 text-xs">Presets wait for the cluster&apos;s broker count…</p>}
    </fieldset>
  );
}
