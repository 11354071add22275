import { DateTime } from 'luxon';
import { z } from 'zod';
import { CONDITION_INPUTS, defineNode } from '../node-definition.js';
import { memoByArgs } from './args-memo.js';

const IsoDateTime = z.iso.datetime({ offset: true });

const WindowArgs = z
  .object({ start: IsoDateTime, end: IsoDateTime })
  .refine((a) => DateTime.fromISO(a.start).toMillis() < DateTime.fromISO(a.end).toMillis(), {
    path: ['end'],
    message: 'end must be after start',
  });

const instants = memoByArgs((args: z.output<typeof WindowArgs>) => ({
  start: DateTime.fromISO(args.start).toMillis(),
  end: DateTime.fromISO(args.end).toMillis(),
}));

/** True inside the absolute window `[start, end)`. */
export const windowNode = defineNode({
  type: 'window',
  category: 'condition',
  args: WindowArgs,
  label: { zh: '时间窗口', en: 'Time window' },
  description: { zh: '当前时间在 [开始, 结束) 之内。', en: 'Now is within [start, end).' },
  argLabels: { start: { zh: '开始时间', en: 'Starts' }, end: { zh: '结束时间', en: 'Ends' } },
  inputs: CONDITION_INPUTS,
  outputs: 1,
  evaluate(args, ctx) {
    const { start, end } = instants(args);
    return start <= ctx.nowMs && ctx.nowMs < end;
  },
  failReason: 'outside_window',
});
