import { isScheduleActive, nextTransition, isInDailySlots } from './src/index.ts';
const s = { start: '2026-01-01T00:00:00+08:00', end: '2027-01-01T00:00:00+08:00', timezone: 'Asia/Shanghai', recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '10:00', endTime: '22:00' } };
let now = Date.parse('2026-03-04T03:00:00Z');
let t = performance.now(); let N = 1e6; let c = 0;
for (let i = 0; i < N; i++) { if (isScheduleActive(s, now + i)) c++; }
console.log('isScheduleActive hot ns/op', (performance.now() - t) * 1e6 / N, c);
t = performance.now(); N = 2000;
for (let i = 0; i < N; i++) { nextTransition(s, now + i * 3600e3); }
console.log('nextTransition µs/op', (performance.now() - t) * 1e3 / N);
t = performance.now(); N = 2000;
for (let i = 0; i < N; i++) { isScheduleActive(s, now + i * 7 * 3600e3); }
console.log('isScheduleActive cold (jumping 7h) µs/op', (performance.now() - t) * 1e3 / N);
const slots = [{ start: '10:00', end: '12:00' }, { start: '20:00', end: '22:00' }];
t = performance.now(); N = 100000;
for (let i = 0; i < N; i++) { isInDailySlots(slots, 'Asia/Shanghai', now + i); }
console.log('isInDailySlots µs/op', (performance.now() - t) * 1e3 / N);
