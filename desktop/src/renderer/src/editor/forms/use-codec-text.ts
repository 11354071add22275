import { useEffect, useState } from 'react';

/** How a numeric field is shown and read back: `parse` answers null for text that does not parse yet. */
export interface TextCodec {
  format(value: number): string;
  parse(text: string): number | null;
}

/**
 * The text of an input bound to a number: keeps what the planner typed until it parses, follows
 * outside changes of the value, and reports each parsable edit (or undefined when an optional field is cleared).
 */
export function useCodecText(codec: TextCodec, value: number | undefined, onChange: (value: number | undefined) => void, optional?: boolean) {
  const [text, setText] = useState(value === undefined ? '' : codec.format(value));
  useEffect(() => {
    setText((current) => (codec.parse(current) === value ? current : value === undefined ? '' : codec.format(value)));
  }, [codec, value]);
  return {
    text,
    bad: text !== '' && codec.parse(text) === null,
    onTextChange(next: string) {
      setText(next);
      if (next.trim() === '' && optional) onChange(undefined);
      const parsed = codec.parse(next);
      if (parsed !== null) onChange(parsed);
    },
  };
}
