import { isoToLocalInput, localInputToIso } from '../../i18n/date-format.js';

interface Props {
  /** The instant, ISO 8601. */
  value: string;
  /** The IANA zone whose wall clock the planner edits (e.g. Asia/Shanghai). */
  zone: string;
  onChange: (iso: string) => void;
  testId?: string;
}

/** A date-time picker on the wall clock of `zone`; incomplete input changes nothing. */
export function ZonedDateTimeInput({ value, zone, onChange, testId }: Props) {
  return (
    <input
      className="input"
      type="datetime-local"
      value={isoToLocalInput(value, zone)}
      onChange={(e) => {
        const iso = localInputToIso(e.target.value, zone);
        if (iso) onChange(iso);
      }}
      data-testid={testId}
    />
  );
}
