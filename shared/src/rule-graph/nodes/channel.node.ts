import { z } from 'zod';
import { ChannelSchema } from '../../cart/cart.schema.js';
import { CONDITION_INPUTS, defineNode } from '../node-definition.js';

/** True when the order comes through one of the listed channels. */
export const channelNode = defineNode({
  type: 'channel',
  category: 'condition',
  args: z.object({ channels: z.array(ChannelSchema).min(1).max(4) }),
  label: { zh: '渠道', en: 'Channel' },
  description: { zh: '订单来自所选渠道之一（App、小程序、网页、门店）。', en: 'The order comes from one of the channels (app, mini program, web, POS).' },
  argLabels: { channels: { zh: '渠道', en: 'Channels' } },
  inputs: CONDITION_INPUTS,
  outputs: 1,
  evaluate: (args, ctx) => args.channels.includes(ctx.user.channel),
  failReason: 'channel_mismatch',
});
