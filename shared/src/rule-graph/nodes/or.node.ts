import { z } from 'zod';
import { defineNode } from '../node-definition.js';

/** True when at least one input is true (the compiler combines its inputs with OR). */
export const orNode = defineNode({
  type: 'or',
  category: 'logic',
  args: z.object({}),
  label: { zh: '或者', en: 'OR' },
  description: { zh: '任一输入成立时成立。', en: 'True when at least one input is true.' },
  argLabels: {},
  inputs: { min: 1, max: null },
  outputs: 1,
  evaluate: () => true,
  failReason: 'condition_not_met',
});
