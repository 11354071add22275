import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@promo/shared';
import { currentLocale } from '../../i18n/i18n.js';
import { zheOf } from '../offers/offer-preview.js';
import type { FormField } from './form-field.types.js';
import { getAt, initialObject, setAt, switchVariant } from './form-values.js';
import { MoneyInput } from './MoneyInput.js';
import { PercentInput } from './PercentInput.js';

export interface SchemaFormProps {
  fields: readonly FormField[];
  value: unknown;
  onChange: (value: unknown, coalesceKey: string) => void;
  /** Labels of top-level fields from the node registry (zh/en). */
  labels?: Readonly<Record<string, LocalizedText>>;
  /** Problems by dotted path relative to `value`. */
  errors?: ReadonlyMap<string, string>;
  /** SKUs offered in pickers (from the cached catalog). */
  skuOptions?: readonly string[];
  testIdPrefix?: string;
}

function subErrors(errors: ReadonlyMap<string, string> | undefined, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, message] of errors ?? []) if (path.startsWith(`${prefix}.`)) out.set(path.slice(prefix.length + 1), message);
  return out;
}

/** Renders a form generated from a zod schema (see schema-to-form.ts) over a JSON value. */
export function SchemaForm({ fields, value, onChange, labels, errors, skuOptions = [], testIdPrefix = 'arg' }: SchemaFormProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const label = (field: FormField): string => labels?.[field.key]?.[locale] ?? (i18n.exists(`fields.${field.key}`) ? t(`fields.${field.key}`) : field.key);
  const enumLabel = (option: string): string => (i18n.exists(`enumValues.${option}`) ? t(`enumValues.${option}`) : option);
  const set = (path: string, next: unknown) => onChange(setAt(value, path, next), path);
  const listId = `${testIdPrefix}-skus`;

  const renderField = (field: FormField) => {
    const current = getAt(value, field.path);
    const error = errors?.get(field.path);
    const testId = `${testIdPrefix}-${field.path || field.key}`;
    const wrap = (control: ReactNode, extra?: ReactNode) => (
      <label key={field.path} className="field" data-field={field.path}>
        <span className="field__label">
          {label(field)}
          {field.optional ? <span className="muted"> ({t('common.optional')})</span> : null}
        </span>
        {control}
        {extra}
        {error ? <span className="field__error">{error}</span> : null}
      </label>
    );
    switch (field.kind) {
      case 'literal':
      case 'unsupported':
        return null;
      case 'text':
      case 'time':
        return wrap(
          <input
            className={`input ${error ? 'input--invalid' : ''}`}
            value={typeof current === 'string' ? current : ''}
            placeholder={field.kind === 'time' ? 'HH:mm' : ''}
            maxLength={field.kind === 'text' ? field.maxLength : 5}
            onChange={(e) => set(field.path, e.target.value === '' && field.optional ? undefined : e.target.value)}
            data-testid={testId}
          />,
        );
      case 'sku':
        return wrap(
          <input
            className={`input mono ${error ? 'input--invalid' : ''}`}
            list={listId}
            value={typeof current === 'string' ? current : ''}
            placeholder={t('form.skuPlaceholder')}
            onChange={(e) => set(field.path, e.target.value)}
            data-testid={testId}
          />,
        );
      case 'number':
        return wrap(
          <input
            className={`input ${error ? 'input--invalid' : ''}`}
            type="number"
            step={field.int ? 1 : 'any'}
            min={field.min}
            max={field.max}
            value={typeof current === 'number' ? current : ''}
            onChange={(e) => set(field.path, e.target.value === '' ? (field.optional ? undefined : 0) : Number(e.target.value))}
            data-testid={testId}
          />,
        );
      case 'money':
        return wrap(<MoneyInput value={typeof current === 'number' ? current : undefined} optional={field.optional} invalid={Boolean(error)} onChange={(fen) => set(field.path, fen)} testId={testId} />);
      case 'basisPoints':
        return wrap(
          <PercentInput value={typeof current === 'number' ? current : undefined} optional={field.optional} invalid={Boolean(error)} onChange={(bp) => set(field.path, bp)} testId={testId} />,
          field.key === 'payRate' && typeof current === 'number' ? <span className="field__hint">{t('form.payRateHint', { zhe: zheOf(current), pct: current / 100 })}</span> : null,
        );
      case 'boolean':
        return (
          <label key={field.path} className="check" data-field={field.path}>
            <input type="checkbox" checked={current === true} onChange={(e) => set(field.path, e.target.checked)} data-testid={testId} />
            {label(field)}
          </label>
        );
      case 'enum':
        return wrap(
          <select className="select" value={typeof current === 'string' ? current : ''} onChange={(e) => set(field.path, e.target.value)} data-testid={testId}>
            {field.optional ? <option value="">{t('form.notSet')}</option> : null}
            {field.options.map((o) => (
              <option key={o} value={o}>
                {enumLabel(o)}
              </option>
            ))}
          </select>,
        );
      case 'multiEnum': {
        const selected = Array.isArray(current) ? (current as string[]) : [];
        return wrap(
          <div className="chips" data-testid={testId}>
            {field.options.map((o) => {
              const on = selected.includes(o);
              return (
                <span
                  key={o}
                  role="checkbox"
                  aria-checked={on}
                  tabIndex={0}
                  className={`chip chip--toggle ${on ? 'chip--on' : ''}`}
                  onClick={(e) => {
                    e.preventDefault();
                    set(field.path, on ? selected.filter((s) => s !== o) : [...selected, o]);
                  }}
                  onKeyDown={(e) => e.key === 'Enter' && set(field.path, on ? selected.filter((s) => s !== o) : [...selected, o])}
                >
                  {enumLabel(o)}
                </span>
              );
            })}
          </div>,
        );
      }
      case 'stringList': {
        const list = Array.isArray(current) ? (current as string[]) : [];
        return wrap(
          <textarea
            className={`textarea ${error ? 'input--invalid' : ''}`}
            rows={Math.min(6, Math.max(2, list.length + 1))}
            value={list.join('\n')}
            placeholder={t('form.listHint')}
            onChange={(e) =>
              set(
                field.path,
                e.target.value
                  .split(/[\n,，]/)
                  .map((s) => s.trim())
                  .filter((s, i, all) => s !== '' || i === all.length - 1)
                  .filter(Boolean),
              )
            }
            data-testid={testId}
          />,
        );
      }
      case 'object':
        return (
          <div key={field.path} className="schema-form__group" data-field={field.path}>
            <span className="field__label">{label(field)}</span>
            {current === undefined && field.optional ? (
              <button type="button" className="btn btn--small" onClick={() => set(field.path, initialObject(field.fields))}>
                + {t('common.add')}
              </button>
            ) : (
              field.fields.map(renderField)
            )}
          </div>
        );
      case 'union': {
        const currentValue = getAt(current, field.discriminator);
        const variant = field.variants.find((v) => v.value === currentValue) ?? field.variants[0];
        const showSelect = field.variants.length > 1;
        return (
          <div key={field.path} className="schema-form__group" data-field={field.path}>
            <span className="field__label">{label(field)}</span>
            {showSelect ? (
              <select
                className="select"
                value={String(currentValue ?? '')}
                onChange={(e) => set(field.path, switchVariant(field, current, e.target.value))}
                data-testid={`${testId}-${field.discriminator}`}
              >
                {field.variants.map((v) => (
                  <option key={v.value} value={v.value}>
                    {enumLabel(v.value)}
                  </option>
                ))}
              </select>
            ) : null}
            {variant?.fields.filter((f) => f.key !== field.discriminator).map(renderField)}
          </div>
        );
      }
      case 'objectList': {
        const rows = Array.isArray(current) ? (current as unknown[]) : [];
        const canRemove = rows.length > field.minItems;
        const canAdd = field.maxItems === undefined || rows.length < field.maxItems;
        return (
          <div key={field.path} className="schema-form__group" data-field={field.path} data-testid={testId}>
            <span className="field__label">{label(field)}</span>
            {rows.map((row, index) => (
              <div key={index} className="schema-list__row" data-testid={`${testId}-row`}>
                <SchemaForm
                  fields={field.fields}
                  value={row}
                  onChange={(next, key) => onChange(setAt(value, `${field.path}.${index}`, next), `${field.path}.${index}.${key}`)}
                  errors={subErrors(errors, `${field.path}.${index}`)}
                  skuOptions={skuOptions}
                  testIdPrefix={`${testId}-${index}`}
                />
                <button type="button" className="btn btn--small btn--ghost btn--danger" disabled={!canRemove} onClick={() => set(field.path, rows.filter((_, i) => i !== index))}>
                  {t('form.removeRow')}
                </button>
              </div>
            ))}
            {error ? <span className="field__error">{error}</span> : null}
            <div>
              <button type="button" className="btn btn--small" disabled={!canAdd} onClick={() => set(field.path, [...rows, initialObject(field.fields)])} data-testid={`${testId}-add`}>
                + {t('form.addRow')}
              </button>
            </div>
          </div>
        );
      }
    }
  };

  return (
    <div className="schema-form">
      {fields.map(renderField)}
      <datalist id={listId}>
        {skuOptions.slice(0, 500).map((sku) => (
          <option key={sku} value={sku} />
        ))}
      </datalist>
    </div>
  );
}
