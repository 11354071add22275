import { useEffect, useState } from 'react';
import { fenToYuanInput, parseYuanToFen } from '../../money/money-format.js';

interface Props {
  value: number | undefined;
  onChange: (fen: number | undefined) => void;
  optional?: boolean;
  testId?: string;
  invalid?: boolean;
}

/** Edits integer fen as yuan text; keeps what the planner typed until it parses. */
export function MoneyInput({ value, onChange, optional, testId, invalid }: Props) {
  const [text, setText] = useState(value === undefined ? '' : fenToYuanInput(value));
  useEffect(() => {
    setText((current) => (parseYuanToFen(current) === value ? current : value === undefined ? '' : fenToYuanInput(value)));
  }, [value]);
  const bad = text !== '' && parseYuanToFen(text) === null;
  return (
    <div className="money-input">
      <span className="money-input__prefix">¥</span>
      <input
        className={`input ${bad || invalid ? 'input--invalid' : ''}`}
        inputMode="decimal"
        value={text}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '' && optional) onChange(undefined);
          const fen = parseYuanToFen(e.target.value);
          if (fen !== null) onChange(fen);
        }}
      />
    </div>
  );
}
