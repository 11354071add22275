import { z } from 'zod';
import { defineNode } from '../node-definition.js';

/** The single entry of a graph: always true. */
export const startNode = defineNode({
  type: 'start',
  category: 'start',
  args: z.object({}),
  label: { zh: '开始', en: 'Start' },
  description: { zh: '规则图的入口，始终成立。', en: 'The entry of the rule graph; always true.' },
  argLabels: {},
  inputs: { min: 0, max: 0 },
  outputs: 1,
  evaluate: () => true,
  failReason: 'condition_not_met',
});
