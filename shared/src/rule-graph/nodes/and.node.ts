import { z } from 'zod';
import { defineNode } from '../node-definition.js';

/** True when every input is true. */
export const andNode = defineNode({
  type: 'and',
  category: 'logic',
  args: z.object({}),
  label: { zh: '并且', en: 'AND' },
  description: { zh: '所有输入都成立时成立。', en: 'True when every input is true.' },
  argLabels: {},
  inputs: { min: 1, max: null },
  outputs: 1,
  evaluate: () => true,
  failReason: 'condition_not_met',
});
