import type { Fen } from '@promo/shared';

const cny = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 });

/** `¥1,234.50` from 123450 fen; the studio shows money this way in both languages. */
export function formatFen(amount: Fen): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  // Format the yuan part from integers so no float ever rounds a fen away.
  const whole = cny.format(Math.floor(abs / 100)).replace(/\.00$/, '');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** `¥10` for whole yuan, `¥9.90` otherwise: the short form used in tier previews. */
export function formatFenShort(amount: Fen): string {
  return amount % 100 === 0 ? formatFen(amount).replace(/\.00$/, '') : formatFen(amount);
}

/** The yuan text an input shows for a fen amount: 1230 → "12.30", 1000 → "10". */
export function fenToYuanInput(amount: Fen): string {
  const yuan = Math.floor(amount / 100);
  const fen = amount % 100;
  return fen === 0 ? String(yuan) : `${yuan}.${String(fen).padStart(2, '0')}`;
}

/**
 * Parses what a planner typed in yuan ("12", "12.3", "¥1,299.90") into fen by string arithmetic.
 * Returns null for anything that is not a non-negative amount with at most two decimals.
 */
export function parseYuanToFen(text: string): Fen | null {
  const cleaned = text.trim().replace(/^¥/, '').replace(/,/g, '');
  const match = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return null;
  const yuan = Number(match[1]);
  const fen = Number((match[2] ?? '').padEnd(2, '0'));
  return yuan * 100 + fen;
}
