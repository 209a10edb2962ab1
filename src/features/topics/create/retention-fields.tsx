import { FieldGroup, Input, Select, Checkbox } from "~/components/ui/input";
import { DURATION_UNITS, type TDurationUnit } from "~/domain/topics/durations";
import { BYTE_UNITS, type TByteUnit } from "~/domain/topics/sizes";

type AmountFieldsProps<TUnit extends string> = {
  legend: string;
  amount: string;
  unit: TUnit;
  units: readonly { unit: TUnit }[];
  isUnbounded: boolean;
  unboundedLabel: string;
  hint: string;
  error: string | undefined;
  onChange: (change: { amount?: string; unit?: TUnit; isUnbounded?: boolean }) => void;
};

/** Amount + unit + "no limit" for one retention config; an empty amount leaves the broker's default. */
function AmountFields<TUnit extends string>(props: AmountFieldsProps<TUnit>) {
  const { legend, amount, unit, units, isUnbounded, unboundedLabel, hint, error, onChange } = props;
  return (
    <FieldGroup legend={legend} hint={hint} error={error}>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          inputMode="decimal"
          aria-label={`${legend} amount`}
          aria-invalid={error ? true : undefined}
          placeholder="default"
          value={isUnbounded ? "" : amount}
          disabled={isUnbounded}
          onChange={(event) => onChange({ amount: event.target.value })}
          className="w-28"
        />
        <Select
          aria-label={`${legend} unit`}
          value={unit}
          disabled={isUnbounded}
          onChange={(event) => onChange({ unit: event.target.value as TUnit })}
          className="w-24"
        >
          {units.map((scale) => (
            <option key={scale.unit} value={scale.unit}>
              {scale.unit}
            </option>
          ))}
        </Select>
        <Checkbox
          label={unboundedLabel}
          checked={isUnbounded}
          onChange={(event) => onChange({ isUnbounded: event.target.checked })}
        />
      </div>
    </FieldGroup>
  );
}

export function RetentionTimeFields(props: {
  amount: string;
  unit: TDurationUnit;
  isForever: boolean;
  error: string | undefined;
  onChange: (change: { amount?: string; unit?: TDurationUnit; isUnbounded?: boolean }) => void;
}) {
  return (
    <AmountFields
      legend="Retention time"
      amount={props.amount}
      unit={props.unit}
      units={DURATION_UNITS}
      isUnbounded={props.isForever}
      unboundedLabel="Forever"
      hint="How long records are kept. Leave empty for the broker's default (7 d unless changed)."
      error={props.error}
      onChange={props.onChange}
    />
  );
}

export function RetentionSizeFields(props: {
  amount: string;
  unit: TByteUnit;
  isUnlimited: boolean;
  error: string | undefined;
  onChange: (change: { amount?: string; unit?: TByteUnit; isUnbounded?: boolean }) => void;
}) {
  return (
    <AmountFields
      legend="Retention size"
      amount={props.amount}
      unit={props.unit}
      units={BYTE_UNITS}
      isUnbounded={props.isUnlimited}
      unboundedLabel="Unlimited"
      hint="The most each partition keeps before deleting its oldest segments. Leave empty for the broker's default."
      error={props.error}
      onChange={props.onChange}
    />
  );
}
