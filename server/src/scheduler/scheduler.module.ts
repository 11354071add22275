import type { ModuleFactory } from '../app/module.types.js';
import { createScheduler } from './scheduler.js';

/** Runs the campaign scheduler in every instance (transitions are made once across instances). */
export const schedulerModule: ModuleFactory = (deps) => {
  const scheduler = createScheduler(deps);
  return { name: 'scheduler', start: () => scheduler.start(), close: () => scheduler.close() };
};
