import { describe, expect, it } from 'vitest';
import { fenToYuanInput, formatFen, formatFenShort, parseYuanToFen } from './money-format.js';

describe('money formatting', () => {
  it('formats fen as CNY with two decimals and grouping', () => {
    expect(formatFen(1230)).toBe('¥12.30');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-5)).toBe('-¥0.05');
  });

  it('drops .00 in the short form only for whole yuan', () => {
    expect(formatFenShort(10000)).toBe('¥100');
    expect(formatFenShort(990)).toBe('¥9.90');
  });

  it('shows fen in an input as yuan text', () => {
    expect(fenToYuanInput(1230)).toBe('12.30');
    expect(fenToYuanInput(1000)).toBe('10');
    expect(fenToYuanInput(5)).toBe('0.05');
  });

  it('parses typed yuan into exact fen', () => {
    expect(parseYuanToFen('12')).toBe(1200);
    expect(parseYuanToFen('12.3')).toBe(1230);
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('¥1,299.90')).toBe(129990);
    expect(parseYuanToFen(' 8. ')).toBe(800);
  });

  it('rejects negative, fractional-fen and non-numeric input', () => {
    expect(parseYuanToFen('-1')).toBeNull();
    expect(parseYuanToFen('1.234')).toBeNull();
    expect(parseYuanToFen('abc')).toBeNull();
    expect(parseYuanToFen('')).toBeNull();
  });
});
