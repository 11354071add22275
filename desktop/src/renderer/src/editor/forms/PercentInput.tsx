import { useEffect, useState } from 'react';
import { bpToPercentText, parsePercentToBp } from '../variants/percent.js';

interface Props {
  value: number | undefined;
  onChange: (bp: number | undefined) => void;
  optional?: boolean;
  testId?: string;
  invalid?: boolean;
}

/** Edits basis points as a percentage (8500 bp ↔ "85"). */
export function PercentInput({ value, onChange, optional, testId, invalid }: Props) {
  const [text, setText] = useState(value === undefined ? '' : bpToPercentText(value));
  useEffect(() => {
    setText((current) => (parsePercentToBp(current) === value ? current : value === undefined ? '' : bpToPercentText(value)));
  }, [value]);
  const bad = text !== '' && parsePercentToBp(text) === null;
  return (
    <div className="money-input">
      <input
        className={`input ${bad || invalid ? 'input--invalid' : ''}`}
        style={{ borderRadius: '6px 0 0 6px' }}
        inputMode="decimal"
        value={text}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '' && optional) onChange(undefined);
          const bp = parsePercentToBp(e.target.value);
          if (bp !== null) onChange(bp);
        }}
      />
      <span className="money-input__prefix" style={{ borderRadius: '0 6px 6px 0', borderLeft: 0, borderRight: '1px solid var(--border-strong)' }}>
        %
      </span>
    </div>
  );
}
