import { useTranslation } from 'react-i18next';
import type { Limits } from '@promo/shared';
import { MoneyInput } from '../forms/MoneyInput.js';
import type { TabProps } from './tab-props.js';

const COUNT_FIELDS = ['usageCap', 'perUserTotal', 'perUserDaily', 'perSkuPerOrder', 'perSkuPerUser'] as const;

/** Budget, usage limits and stacking (exclusive / stackable, exclusion group, priority). */
export function LimitsTab({ campaign, update }: TabProps) {
  const { t } = useTranslation();
  const setLimit = <K extends keyof Limits>(key: K, value: Limits[K] | undefined) =>
    update((c) => {
      const limits = { ...c.limits };
      if (value === undefined) Reflect.deleteProperty(limits, key);
      else limits[key] = value;
      return { ...c, limits };
    }, `limits.${key}`);
  return (
    <div className="grid-2" data-testid="limits-tab">
      <div className="card">
        <div className="card__head">
          <h2>{t('limits.budget')}</h2>
        </div>
        <div className="card__body grid-2">
          <label className="field">
            <span className="field__label">{t('limits.budget')}</span>
            <MoneyInput value={campaign.limits.budget} optional onChange={(fen) => setLimit('budget', fen)} testId="limit-budget" />
          </label>
          {COUNT_FIELDS.map((key) => (
            <label key={key} className="field">
              <span className="field__label">{t(`limits.${key}`)}</span>
              <input
                className="input"
                type="number"
                min={1}
                step={1}
                value={campaign.limits[key] ?? ''}
                onChange={(e) => setLimit(key, e.target.value === '' ? undefined : Math.max(1, Math.floor(Number(e.target.value))))}
                data-testid={`limit-${key}`}
              />
            </label>
          ))}
        </div>
      </div>
      <div className="card">
        <div className="card__head">
          <h2>{t('limits.stacking')}</h2>
        </div>
        <div className="card__body stack">
          <label className="field">
            <span className="field__label">{t('limits.mode')}</span>
            <select
              className="select"
              value={campaign.stacking.mode}
              onChange={(e) => update((c) => ({ ...c, stacking: { ...c.stacking, mode: e.target.value === 'stackable' ? 'stackable' : 'exclusive' } }))}
              data-testid="stacking-mode"
            >
              <option value="exclusive">{t('enumValues.exclusive')}</option>
              <option value="stackable">{t('enumValues.stackable')}</option>
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('limits.exclusionGroup')}</span>
            <input
              className="input"
              maxLength={64}
              value={campaign.stacking.exclusionGroup ?? ''}
              onChange={(e) => update((c) => ({ ...c, stacking: { ...c.stacking, exclusionGroup: e.target.value || undefined } }), 'stacking.exclusionGroup')}
              data-testid="stacking-group"
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={campaign.stacking.excludeDiscountedLines}
              onChange={(e) => update((c) => ({ ...c, stacking: { ...c.stacking, excludeDiscountedLines: e.target.checked } }))}
            />
            {t('limits.excludeDiscountedLines')}
          </label>
          <label className="field">
            <span className="field__label">{t('limits.priority')}</span>
            <input
              className="input"
              type="number"
              min={0}
              max={1000}
              value={campaign.priority}
              onChange={(e) => update((c) => ({ ...c, priority: Math.min(1000, Math.max(0, Math.floor(Number(e.target.value) || 0))) }), 'priority')}
              data-testid="priority"
            />
          </label>
        </div>
      </div>
    </div>
  );
}
