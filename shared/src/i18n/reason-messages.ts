import { type BaseReasonCode, type ReasonCode } from '../pricing/reason.js';
import { formatYuan, type Fen } from '../money/money.js';

/** A message in both languages the product speaks. */
export interface LocalizedMessage {
  zh: string;
  en: string;
}

/** The customer-facing message for every base reason code (`excluded_by:<id>` is built below). */
export const REASON_MESSAGES: Readonly<Record<BaseReasonCode, LocalizedMessage>> = {
  outside_window: { zh: '不在活动时间内', en: 'Outside the promotion time window' },
  below_threshold: { zh: '未达到活动门槛', en: 'Order does not reach the threshold' },
  quantity_too_low: { zh: '购买数量不足', en: 'Not enough items of the required products' },
  category_missing: { zh: '购物车中没有活动品类', en: 'The cart has no item of the required category' },
  region_mismatch: { zh: '当前地区不参与活动', en: 'Not available in your region' },
  channel_mismatch: { zh: '当前渠道不参与活动', en: 'Not available on this channel' },
  tag_mismatch: { zh: '不符合活动人群', en: 'Not available for your customer group' },
  segment_mismatch: { zh: '不在活动目标人群中', en: 'Not in the targeted customer segment' },
  member_level_too_low: { zh: '会员等级不足', en: 'Membership level too low' },
  not_new_user: { zh: '仅限新用户', en: 'For new customers only' },
  not_in_variant: { zh: '不在本次活动实验组', en: 'Not in this promotion variant' },
  in_holdout: { zh: '本次活动未对您开放', en: 'This promotion is not offered to you' },
  condition_not_met: { zh: '未满足活动条件', en: 'Promotion conditions not met' },
  not_in_scope: { zh: '商品不参与活动', en: 'No item in the cart is part of the promotion' },
  no_reservation: { zh: '请先抢购锁定秒杀名额', en: 'A flash-sale reservation is required' },
  no_group: { zh: '请先开团或参团', en: 'Start or join a group to get the group price' },
  user_limit_reached: { zh: '已达到每人参与次数上限', en: 'You have reached the limit for this promotion' },
  sku_limit_reached: { zh: '该商品已达到每人限购件数', en: 'You have reached the per-customer limit for this item' },
  budget_exhausted: { zh: '活动预算已用完', en: 'The promotion budget is used up' },
  usage_cap_reached: { zh: '活动名额已满', en: 'The promotion has reached its usage limit' },
  out_of_stock: { zh: '活动库存不足', en: 'Promotion stock is sold out' },
  not_best_offer: { zh: '已为您选择更优惠的活动', en: 'A better offer was applied instead' },
  coupon_invalid: { zh: '优惠券不可用', en: 'The coupon cannot be used' },
  coupon_not_stackable: { zh: '优惠券不可与其他优惠券叠加', en: 'The coupon cannot be combined with another coupon' },
  insufficient_points: { zh: '积分不足', en: 'Not enough points' },
  redemption_invalid: { zh: '该积分兑换不可用', en: 'This points redemption is not available' },
};

const EXCLUDED_PREFIX = 'excluded_by:';

/** The zh/en message of any reason code, including `excluded_by:<campaignId>`. */
export function reasonMessage(code: ReasonCode): LocalizedMessage {
  if (code.startsWith(EXCLUDED_PREFIX)) {
    const winner = code.slice(EXCLUDED_PREFIX.length);
    return { zh: `与活动 ${winner} 互斥，已选更优惠的活动`, en: `Cannot be combined with promotion ${winner}, which saves you more` };
  }
  return REASON_MESSAGES[code as BaseReasonCode];
}

/** 凑单 hint for a threshold: "再买¥12.00可减¥20.00". */
export function spendMoreForDiscountMessage(shortfall: Fen, off: Fen): LocalizedMessage {
  return {
    zh: `再买${formatYuan(shortfall)}可减${formatYuan(off)}`,
    en: `Spend ${formatYuan(shortfall)} more to get ${formatYuan(off)} off`,
  };
}

/** 凑单 hint for a spend-X gift: "再买¥12.00可获赠品". */
export function spendMoreForGiftMessage(shortfall: Fen): LocalizedMessage {
  return {
    zh: `再买${formatYuan(shortfall)}可获赠品`,
    en: `Spend ${formatYuan(shortfall)} more to get a free gift`,
  };
}
