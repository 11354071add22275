import { z } from 'zod';
import { CONDITION_INPUTS, defineNode } from '../node-definition.js';

const Code = z.string().min(1).max(16);

/**
 * Include: the user's province or city is listed. Exclude: neither is listed (a user with no
 * known region passes an exclude and fails an include).
 */
export const regionNode = defineNode({
  type: 'region',
  category: 'condition',
  args: z
    .object({
      mode: z.enum(['include', 'exclude']).default('include'),
      provinces: z.array(Code).max(100).default([]),
      cities: z.array(Code).max(1000).default([]),
    })
    .refine((a) => a.provinces.length + a.cities.length > 0, {
      path: ['provinces'],
      message: 'list at least one province or city',
    }),
  label: { zh: '地区', en: 'Region' },
  description: { zh: '按省/市代码包含或排除用户所在地区。', en: "Includes or excludes the user's province / city codes." },
  argLabels: {
    mode: { zh: '方式', en: 'Mode' },
    provinces: { zh: '省份代码', en: 'Province codes' },
    cities: { zh: '城市代码', en: 'City codes' },
  },
  inputs: CONDITION_INPUTS,
  outputs: 1,
  evaluate(args, ctx) {
    const { province, city } = ctx.user.region;
    const listed = (province !== undefined && args.provinces.includes(province)) || (city !== undefined && args.cities.includes(city));
    return args.mode === 'include' ? listed : !listed;
  },
  failReason: 'region_mismatch',
});
