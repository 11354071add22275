import type { Offer } from '@promo/shared';
import type { Locale } from '../../i18n/locale-preference.js';
import { formatFenShort } from '../../money/money-format.js';

const yuan = (fen: number, locale: Locale): string => (locale === 'zh' ? formatFenShort(fen).replace('¥', '') : formatFenShort(fen));

/** 8500 bp → "8.5" (折). */
export function zheOf(payRate: number): string {
  return String(payRate / 1000).replace(/\.0+$/, '');
}

/**
 * The one-line human summary of an offer, e.g. "满100减10, 满200减30" /
 * "¥10 off ¥100, ¥30 off ¥200". Shown live under the offer editor and on the graph node.
 */
export function describeOffer(offer: Offer, locale: Locale): string {
  const zh = locale === 'zh';
  const sep = zh ? '，' : ', ';
  switch (offer.kind) {
    case 'threshold_off':
      if (offer.mode === 'tiers') {
        return [...offer.tiers]
          .sort((a, b) => a.minSpend - b.minSpend)
          .map((t) => (zh ? `满${yuan(t.minSpend, locale)}减${yuan(t.off, locale)}` : `${yuan(t.off, locale)} off ${yuan(t.minSpend, locale)}`))
          .join(zh ? ', ' : ', ');
      }
      return (
        (zh ? `每满${yuan(offer.every, locale)}减${yuan(offer.off, locale)}` : `${yuan(offer.off, locale)} off every ${yuan(offer.every, locale)}`) +
        (offer.cap !== undefined ? (zh ? `${sep}最多减${yuan(offer.cap, locale)}` : `${sep}up to ${yuan(offer.cap, locale)}`) : '')
      );
    case 'percent_off':
      return (
        (zh ? `${zheOf(offer.payRate)}折` : `${(10_000 - offer.payRate) / 100}% off`) +
        (offer.maxDiscount !== undefined ? (zh ? `${sep}最多优惠${yuan(offer.maxDiscount, locale)}` : `${sep}up to ${yuan(offer.maxDiscount, locale)}`) : '')
      );
    case 'gift':
      if (offer.mode === 'buy_n_get_m') {
        return zh ? `买${offer.buyQuantity}送${offer.getQuantity}` : `Buy ${offer.buyQuantity} get ${offer.getQuantity}`;
      }
      return zh
        ? `满${yuan(offer.minSpend, locale)}送 ${offer.gifts.map((g) => `${g.sku}×${g.quantity}`).join('、')}`
        : `Spend ${yuan(offer.minSpend, locale)} get ${offer.gifts.map((g) => `${g.sku}×${g.quantity}`).join(', ')}`;
    case 'flash_sale':
      return zh
        ? `${offer.items.length} 个秒杀商品 · ${offer.slots.map((s) => `${s.start}–${s.end}`).join('、')}`
        : `${offer.items.length} flash item(s) · ${offer.slots.map((s) => `${s.start}–${s.end}`).join(', ')}`;
    case 'group_buy':
      return zh ? `${offer.groupSize}人团 · ${offer.fillHours}小时成团` : `Groups of ${offer.groupSize} · ${offer.fillHours}h to fill`;
    case 'new_user':
      return offer.firstOrder.type === 'fixed'
        ? zh
          ? `首单立减${yuan(offer.firstOrder.off, locale)}`
          : `${yuan(offer.firstOrder.off, locale)} off the first order`
        : zh
          ? `首单${zheOf(offer.firstOrder.payRate)}折`
          : `${(10_000 - offer.firstOrder.payRate) / 100}% off the first order`;
    case 'member':
      return offer.benefit.type === 'percent'
        ? zh
          ? `${offer.minLevel}级以上会员${zheOf(offer.benefit.payRate)}折`
          : `Level ${offer.minLevel}+ members: ${(10_000 - offer.benefit.payRate) / 100}% off`
        : zh
          ? `${offer.minLevel}级以上会员价 ${offer.benefit.items.length} 个商品`
          : `Level ${offer.minLevel}+ member prices on ${offer.benefit.items.length} item(s)`;
  }
}
