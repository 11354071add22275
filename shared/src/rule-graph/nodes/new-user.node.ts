import { z } from 'zod';
import { CONDITION_INPUTS, defineNode } from '../node-definition.js';

/** True for a user who has not ordered yet (the server decides `isNewUser`). */
export const newUserNode = defineNode({
  type: 'new_user',
  category: 'condition',
  args: z.object({}),
  label: { zh: '新用户', en: 'New user' },
  description: { zh: '尚未下过单的新用户。', en: 'A user who has not ordered yet.' },
  argLabels: {},
  inputs: CONDITION_INPUTS,
  outputs: 1,
  evaluate: (_args, ctx) => ctx.user.isNewUser,
  failReason: 'not_new_user',
});
