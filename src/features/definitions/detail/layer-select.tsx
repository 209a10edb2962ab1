import { Select } from "~/components/ui/input";
import { LAYER_LABELS, TOPIC_LAYERS, type TTopicLayer } from "~/domain/definitions/definition";

/** The seeds' layers by their labels (Raw data … Prototypes); put it inside a Field for its label. */
export function LayerSelect({ value, onChange }: { value: TTopicLayer; onChange: (layer: TTopicLayer) => void }) {
  return (
    <Select value={value} onChange={(event) => onChange(event.target.value as TTopicLayer)}>
      {TOPIC_LAYERS.map((layer) => (
        <option key={layer} value={layer}>
          {LAYER_LABELS[layer]}
        </option>
      ))}
    </Select>
  );
}
