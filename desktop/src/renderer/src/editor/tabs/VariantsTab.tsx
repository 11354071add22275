import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateExperiment, type Experiment, type Variant } from '@promo/shared';
import { currentLocale } from '../../i18n/i18n.js';
import { PercentInput } from '../forms/PercentInput.js';
import { bpToPercentText, evenWeights, weightBalance } from '../variants/percent.js';
import type { TabProps } from './tab-props.js';

function OverridesEditor({ variant, onChange }: { variant: Variant; onChange: (overrides: Variant['overrides']) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(variant.overrides, null, 2));
  const [error, setError] = useState(false);
  return (
    <label className="field" style={{ flex: 2 }}>
      <span className="field__label">{t('variants.overrides')}</span>
      <textarea
        className={`textarea ${error ? 'input--invalid' : ''}`}
        rows={3}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value || '{}');
            const ok = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
            setError(!ok);
            if (ok) onChange(parsed as Variant['overrides']);
          } catch {
            setError(true);
          }
        }}
        data-testid={`variant-overrides-${variant.key}`}
      />
      {error ? <span className="field__error">{t('variants.invalidJson')}</span> : null}
    </label>
  );
}

/** A/B variants with weights and offer overrides, optional holdout; weights + holdout = 100%. */
export function VariantsTab({ campaign, update }: TabProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const experiment = campaign.experiment;
  const setExperiment = (next: Experiment | undefined, key: string | null = null) =>
    update((c) => {
      const { experiment: _old, ...rest } = c;
      return next ? { ...rest, experiment: next } : rest;
    }, key);

  if (!experiment) {
    return (
      <div className="card card__body" data-testid="variants-tab">
        <label className="check">
          <input
            type="checkbox"
            checked={false}
            onChange={() =>
              setExperiment({
                id: `exp_${campaign.id}`.slice(0, 64),
                holdout: 1000,
                variants: evenWeights(2, 1000).map((weight, i) => ({ key: i === 0 ? 'A' : 'B', weight, overrides: {} })),
              })
            }
            data-testid="variants-enable"
          />
          {t('variants.enabled')}
        </label>
      </div>
    );
  }

  const balance = weightBalance(experiment.variants.map((v) => v.weight), experiment.holdout);
  const problems = validateExperiment(experiment);
  const setVariant = (index: number, patch: Partial<Variant>, key: string | null = null) =>
    setExperiment({ ...experiment, variants: experiment.variants.map((v, i) => (i === index ? { ...v, ...patch } : v)) }, key);

  return (
    <div className="card" data-testid="variants-tab">
      <div className="card__head">
        <label className="check">
          <input type="checkbox" checked onChange={() => setExperiment(undefined)} data-testid="variants-enable" />
          {t('variants.enabled')}
        </label>
        <span className="spacer" />
        <span className={`badge ${balance.remaining === 0 ? 'badge--live' : 'badge--dirty'}`} data-testid="variants-total">
          {t('variants.total', { total: bpToPercentText(balance.total) })}
        </span>
      </div>
      <div className="card__body stack">
        <label className="field" style={{ maxWidth: 320 }}>
          <span className="field__label">{t('variants.experimentId')}</span>
          <input className="input mono" value={experiment.id} onChange={(e) => setExperiment({ ...experiment, id: e.target.value }, 'experiment.id')} />
        </label>
        {experiment.variants.map((variant, index) => (
          <div key={index} className="schema-list__row" data-testid="variant-row">
            <label className="field">
              <span className="field__label">{t('variants.key')}</span>
              <input className="input mono" value={variant.key} onChange={(e) => setVariant(index, { key: e.target.value }, `variant.${index}.key`)} data-testid={`variant-key-${index}`} />
            </label>
            <label className="field">
              <span className="field__label">{t('variants.weight')}</span>
              <PercentInput value={variant.weight} onChange={(bp) => setVariant(index, { weight: bp ?? 0 }, `variant.${index}.weight`)} testId={`variant-weight-${index}`} />
            </label>
            <OverridesEditor variant={variant} onChange={(overrides) => setVariant(index, { overrides }, `variant.${index}.overrides`)} />
            <button
              type="button"
              className="btn btn--small btn--ghost btn--danger"
              disabled={experiment.variants.length <= 1}
              onClick={() => setExperiment({ ...experiment, variants: experiment.variants.filter((_, i) => i !== index) })}
            >
              {t('common.remove')}
            </button>
          </div>
        ))}
        <div className="row">
          <button
            type="button"
            className="btn btn--small"
            disabled={experiment.variants.length >= 10}
            onClick={() => {
              const count = experiment.variants.length + 1;
              const weights = evenWeights(count, experiment.holdout);
              const key = String.fromCharCode(65 + experiment.variants.length);
              setExperiment({ ...experiment, variants: [...experiment.variants, { key, weight: 0, overrides: {} }].map((v, i) => ({ ...v, weight: weights[i] ?? 0 })) });
            }}
            data-testid="variant-add"
          >
            + {t('variants.addVariant')}
          </button>
          <label className="field" style={{ width: 220 }}>
            <span className="field__label">{t('variants.holdout')}</span>
            <PercentInput value={experiment.holdout} onChange={(bp) => setExperiment({ ...experiment, holdout: bp ?? 0 }, 'experiment.holdout')} testId="variant-holdout" />
          </label>
        </div>
        {balance.remaining !== 0 ? <div className="alert alert--error">{t('variants.mustSum')}</div> : null}
        {problems
          .filter((p) => p.code !== 'weights_sum_mismatch')
          .map((p) => (
            <div key={`${p.code}-${p.variantKey ?? ''}`} className="alert alert--error">
              {p.message[locale]}
            </div>
          ))}
      </div>
    </div>
  );
}
