import { bpToPercentText, parsePercentToBp } from '../variants/percent.js';
import { useCodecText, type TextCodec } from './use-codec-text.js';

interface Props {
  value: number | undefined;
  onChange: (bp: number | undefined) => void;
  optional?: boolean;
  testId?: string;
  invalid?: boolean;
}

const PERCENT: TextCodec = { format: bpToPercentText, parse: parsePercentToBp };

/** Edits basis points as a percentage (8500 bp ↔ "85"). */
export function PercentInput({ value, onChange, optional, testId, invalid }: Props) {
  const { text, bad, onTextChange } = useCodecText(PERCENT, value, onChange, optional);
  return (
    <div className="money-input">
      <input
        className={`input ${bad || invalid ? 'input--invalid' : ''}`}
        style={{ borderRadius: '6px 0 0 6px' }}
        inputMode="decimal"
        value={text}
        data-testid={testId}
        onChange={(e) => onTextChange(e.target.value)}
      />
      <span className="money-input__prefix" style={{ borderRadius: '0 6px 6px 0', borderLeft: 0, borderRight: '1px solid var(--border-strong)' }}>
        %
      </span>
    </div>
  );
}
