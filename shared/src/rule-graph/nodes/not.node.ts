import { z } from 'zod';
import { defineNode } from '../node-definition.js';

/** The negation of its single input. */
export const notNode = defineNode({
  type: 'not',
  category: 'logic',
  args: z.object({}),
  label: { zh: '非', en: 'NOT' },
  description: { zh: '对唯一的输入取反。', en: 'True when its single input is false.' },
  argLabels: {},
  inputs: { min: 1, max: 1 },
  outputs: 1,
  evaluate: () => true,
  failReason: 'condition_not_met',
});
