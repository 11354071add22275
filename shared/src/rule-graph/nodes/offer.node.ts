import { z } from 'zod';
import { OfferSchema } from '../../campaign/offer.schema.js';
import { defineNode } from '../node-definition.js';

/** What the campaign gives when the node's inputs hold; its `kind` must be the campaign's kind. */
export const offerNode = defineNode({
  type: 'offer',
  category: 'offer',
  args: z.object({ offer: OfferSchema }),
  label: { zh: '优惠', en: 'Offer' },
  description: {
    zh: '输入条件成立时给出的优惠；类型须与活动类型一致。',
    en: 'What the customer gets when its inputs hold; its kind must match the campaign kind.',
  },
  argLabels: { offer: { zh: '优惠内容', en: 'Offer' } },
  inputs: { min: 1, max: null },
  outputs: 0,
  evaluate: () => true,
  failReason: 'condition_not_met',
});
