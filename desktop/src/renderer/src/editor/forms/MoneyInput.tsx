import { fenToYuanInput, parseYuanToFen } from '../../money/money-format.js';
import { useCodecText, type TextCodec } from './use-codec-text.js';

interface Props {
  value: number | undefined;
  onChange: (fen: number | undefined) => void;
  optional?: boolean;
  testId?: string;
  invalid?: boolean;
}

const YUAN: TextCodec = { format: fenToYuanInput, parse: parseYuanToFen };

/** Edits integer fen as yuan text; keeps what the planner typed until it parses. */
export function MoneyInput({ value, onChange, optional, testId, invalid }: Props) {
  const { text, bad, onTextChange } = useCodecText(YUAN, value, onChange, optional);
  return (
    <div className="money-input">
      <span className="money-input__prefix">¥</span>
      <input
        className={`input ${bad || invalid ? 'input--invalid' : ''}`}
        inputMode="decimal"
        value={text}
        data-testid={testId}
        onChange={(e) => onTextChange(e.target.value)}
      />
    </div>
  );
}
