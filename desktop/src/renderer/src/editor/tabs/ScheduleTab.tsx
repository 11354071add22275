import { useTranslation } from 'react-i18next';
import { describeSchedule, validateSchedule, type Schedule } from '@promo/shared';
import { ZonedDateTimeInput } from '../forms/ZonedDateTimeInput.js';
import { currentLocale } from '../../i18n/i18n.js';
import type { TabProps } from './tab-props.js';
import { WEEKDAYS, weekdaysOf, weeklyRule } from './weekly-rule.js';

const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/Berlin', 'Europe/London', 'America/Los_Angeles', 'UTC'];

/** Window, time zone and recurrence, with the human summary ("每周三 10:00–22:00"). */
export function ScheduleTab({ campaign, update }: TabProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const schedule = campaign.schedule;
  const setSchedule = (next: Schedule, key: string | null = null) => update((c) => ({ ...c, schedule: next }), key);
  const recurrence = schedule.recurrence;
  const days = recurrence ? weekdaysOf(recurrence.rrule) : null;
  const problems = validateSchedule(schedule);
  let summary = '';
  try {
    summary = describeSchedule(schedule, locale);
  } catch {
    summary = '—';
  }

  return (
    <div className="grid-2" data-testid="schedule-tab">
      <div className="card">
        <div className="card__head">
          <h2>{t('editor.tabs.schedule')}</h2>
        </div>
        <div className="card__body stack">
          <label className="field">
            <span className="field__label">{t('schedule.start')}</span>
            <ZonedDateTimeInput value={schedule.start} zone={schedule.timezone} onChange={(start) => setSchedule({ ...schedule, start }, 'schedule.start')} testId="schedule-start" />
          </label>
          <label className="field">
            <span className="field__label">{t('schedule.end')}</span>
            <ZonedDateTimeInput value={schedule.end} zone={schedule.timezone} onChange={(end) => setSchedule({ ...schedule, end }, 'schedule.end')} testId="schedule-end" />
          </label>
          <label className="field">
            <span className="field__label">{t('schedule.timezone')}</span>
            <select className="select" value={schedule.timezone} onChange={(e) => setSchedule({ ...schedule, timezone: e.target.value })} data-testid="schedule-timezone">
              {(ZONES.includes(schedule.timezone) ? ZONES : [schedule.timezone, ...ZONES]).map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </label>
          {problems.map((p) => (
            <div key={p.code} className="alert alert--error">
              {p.message[locale]}
            </div>
          ))}
        </div>
      </div>
      <div className="card">
        <div className="card__head">
          <h2>{t('schedule.recurrence')}</h2>
        </div>
        <div className="card__body stack">
          <label className="check">
            <input
              type="checkbox"
              checked={Boolean(recurrence)}
              onChange={(e) => {
                const { recurrence: _old, ...rest } = schedule;
                setSchedule(e.target.checked ? { ...rest, recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '10:00', endTime: '22:00' } } : rest);
              }}
              data-testid="schedule-recurring"
            />
            {t('schedule.recurring')}
          </label>
          {recurrence ? (
            <>
              {days ? (
                <div className="field">
                  <span className="field__label">{t('schedule.weekdays')}</span>
                  <div className="chips">
                    {WEEKDAYS.map((d) => {
                      const on = days.includes(d);
                      return (
                        <span
                          key={d}
                          role="checkbox"
                          aria-checked={on}
                          tabIndex={0}
                          className={`chip chip--toggle ${on ? 'chip--on' : ''}`}
                          onClick={() => {
                            const next = on ? days.filter((x) => x !== d) : [...days, d];
                            if (next.length > 0) setSchedule({ ...schedule, recurrence: { ...recurrence, rrule: weeklyRule(next) } });
                          }}
                          data-testid={`weekday-${d}`}
                        >
                          {t(`schedule.days.${d}`)}
                        </span>
                      );
                    })}
                  </div>
                </div>
              ) : (
                <label className="field">
                  <span className="field__label">RRULE</span>
                  <input className="input mono" value={recurrence.rrule} onChange={(e) => setSchedule({ ...schedule, recurrence: { ...recurrence, rrule: e.target.value } }, 'rrule')} data-testid="schedule-rrule" />
                </label>
              )}
              <div className="row">
                <label className="field">
                  <span className="field__label">{t('schedule.dailyFrom')}</span>
                  <input className="input input--narrow" value={recurrence.startTime} onChange={(e) => setSchedule({ ...schedule, recurrence: { ...recurrence, startTime: e.target.value } }, 'startTime')} data-testid="schedule-daily-start" />
                </label>
                <label className="field">
                  <span className="field__label">{t('schedule.dailyTo')}</span>
                  <input className="input input--narrow" value={recurrence.endTime} onChange={(e) => setSchedule({ ...schedule, recurrence: { ...recurrence, endTime: e.target.value } }, 'endTime')} data-testid="schedule-daily-end" />
                </label>
              </div>
            </>
          ) : null}
          <div className="field">
            <span className="field__label">{t('schedule.summary')}</span>
            <div className="preview-line" data-testid="schedule-summary">
              {summary}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
