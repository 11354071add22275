import { describe, expect, it } from 'vitest';
import { createAutosave, type AutosaveTimers } from './autosave.js';

function fakeTimers() {
  const queue = new Map<number, () => void>();
  let next = 1;
  const timers: AutosaveTimers = {
    set: (fn) => {
      const id = next++;
      queue.set(id, fn);
      return id;
    },
    clear: (handle) => queue.delete(handle as number),
  };
  const fire = () => {
    const due = [...queue.values()];
    queue.clear();
    for (const fn of due) fn();
  };
  return { timers, fire, size: () => queue.size };
}

function setup() {
  const clock = fakeTimers();
  const saved: string[] = [];
  const pendingLog: boolean[] = [];
  const autosave = createAutosave<string>({ delayMs: 300, save: (v) => saved.push(v), onPendingChange: (p) => pendingLog.push(p), timers: clock.timers });
  return { clock, saved, pendingLog, autosave };
}

describe('editor autosave', () => {
  it('saves only the latest edit once the delay passes', () => {
    const { clock, saved, autosave } = setup();
    autosave.schedule('a');
    autosave.schedule('ab');
    expect(saved).toEqual([]);
    expect(clock.size()).toBe(1);
    clock.fire();
    expect(saved).toEqual(['ab']);
  });

  it('saves a waiting edit immediately on flush (leaving the editor before the delay)', () => {
    const { clock, saved, autosave } = setup();
    autosave.schedule('new name');
    autosave.flush();
    expect(saved).toEqual(['new name']);
    expect(clock.size()).toBe(0);
    clock.fire();
    expect(saved).toEqual(['new name']);
  });

  it('does nothing on flush when no edit waits', () => {
    const { saved, autosave } = setup();
    autosave.flush();
    autosave.schedule('x');
    autosave.flush();
    autosave.flush();
    expect(saved).toEqual(['x']);
  });

  it('drops a waiting edit on cancel', () => {
    const { clock, saved, autosave } = setup();
    autosave.schedule('x');
    autosave.cancel();
    clock.fire();
    autosave.flush();
    expect(saved).toEqual([]);
  });

  it('reports pending from the first edit until its save starts', () => {
    const { clock, pendingLog, autosave } = setup();
    autosave.schedule('a');
    expect(autosave.pending).toBe(true);
    autosave.schedule('ab');
    clock.fire();
    expect(autosave.pending).toBe(false);
    expect(pendingLog).toEqual([true, false]);
  });
});
