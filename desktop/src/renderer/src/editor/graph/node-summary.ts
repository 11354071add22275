import { getNodeDefinition, OfferSchema } from '@promo/shared';
import type { Locale } from '../../i18n/locale-preference.js';
import { formatFen } from '../../money/money-format.js';
import { describeOffer } from '../offers/offer-preview.js';

const MONEY = new Set(['minSpend']);

function show(key: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.slice(0, 4).join(', ') + (value.length > 4 ? ` +${value.length - 4}` : '');
  if (typeof value === 'number' && MONEY.has(key)) return formatFen(value);
  if (typeof value === 'object') return null;
  return String(value);
}

/** Up to three short lines describing a node's arguments, for the node body on the canvas. */
export function summarizeNode(type: string, args: Record<string, unknown>, locale: Locale): string[] {
  if (type === 'offer') {
    const parsed = OfferSchema.safeParse(args.offer);
    return parsed.success ? [describeOffer(parsed.data, locale)] : [];
  }
  const definition = getNodeDefinition(type);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(args)) {
    const text = show(key, value);
    if (text === null) continue;
    const label = definition?.argLabels[key]?.[locale] ?? key;
    lines.push(`${label}: ${text}`);
  }
  return lines.slice(0, 3);
}
