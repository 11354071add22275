import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scope } from '@promo/shared';
import type { Category } from '../../api/api.schema.js';
import { parseSkuList, searchItems } from '../../catalog/catalog-cache.js';
import { useCatalog } from '../../catalog/queries.js';
import { currentLocale } from '../../i18n/i18n.js';
import { formatFen } from '../../money/money-format.js';
import { PercentInput } from '../forms/PercentInput.js';
import type { TabProps } from './tab-props.js';

type SkuKey = 'skus' | 'excludeSkus';
type CategoryKey = 'categoryIds' | 'excludeCategoryIds';

function CategoryTree({ categories, selected, onToggle, testId }: { categories: Category[]; selected: readonly string[]; onToggle: (id: string) => void; testId: string }) {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const children = useMemo(() => {
    const map = new Map<string, Category[]>();
    for (const c of categories) map.set(c.parentId ?? '', [...(map.get(c.parentId ?? '') ?? []), c]);
    return map;
  }, [categories]);
  const render = (parent: string, depth: number): ReactNode =>
    (children.get(parent) ?? []).map((c) => (
      <div key={c.id}>
        <label className="check" style={{ paddingLeft: depth * 16 }}>
          <input type="checkbox" checked={selected.includes(c.id)} onChange={() => onToggle(c.id)} data-testid={`${testId}-${c.id}`} />
          {locale === 'en' && c.nameEn ? c.nameEn : c.name}
        </label>
        {render(c.id, depth + 1)}
      </div>
    ));
  return <div style={{ maxHeight: 260, overflow: 'auto' }}>{render('', 0)}</div>;
}

/** Scope (storewide / items / categories), catalog search, bulk select, pasted SKU lists, exclusions, min margin. */
export function TargetingTab({ campaign, update }: TabProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const catalog = useCatalog();
  const [q, setQ] = useState('');
  const [pasted, setPasted] = useState('');
  const [pasteTarget, setPasteTarget] = useState<SkuKey>('skus');
  const [pasteResult, setPasteResult] = useState<string | null>(null);
  const items = catalog.data?.items ?? [];
  const categories = catalog.data?.categories ?? [];
  const known = useMemo(() => new Set(items.map((i) => i.sku)), [items]);
  const results = useMemo(() => (q.trim() ? searchItems(items, categories, q, '', 50) : []), [items, categories, q]);
  const scope = campaign.scope;

  const setScope = (next: Scope) => update((c) => ({ ...c, scope: next }));
  const addSkus = (key: SkuKey, skus: readonly string[]) => setScope({ ...scope, [key]: [...new Set([...scope[key], ...skus])] });
  const removeSku = (key: SkuKey, sku: string) => setScope({ ...scope, [key]: scope[key].filter((s) => s !== sku) });
  const toggleCategory = (key: CategoryKey, id: string) =>
    setScope({ ...scope, [key]: scope[key].includes(id) ? scope[key].filter((c) => c !== id) : [...scope[key], id] });

  const chips = (key: SkuKey) => (
    <div className="chips" data-testid={`scope-${key}`}>
      {scope[key].map((sku) => (
        <span key={sku} className="chip mono">
          {sku}
          <button type="button" onClick={() => removeSku(key, sku)} aria-label={t('common.remove')}>
            ×
          </button>
        </span>
      ))}
      {scope[key].length > 0 ? (
        <button type="button" className="btn btn--small btn--ghost" onClick={() => setScope({ ...scope, [key]: [] })}>
          {t('targeting.clear')}
        </button>
      ) : null}
    </div>
  );

  return (
    <div className="grid-2" data-testid="targeting-tab">
      <div className="stack">
        <div className="card">
          <div className="card__head">
            <h2>{t('targeting.scope')}</h2>
            <select
              className="select"
              value={scope.type}
              onChange={(e) => setScope({ ...scope, type: e.target.value === 'items' ? 'items' : e.target.value === 'categories' ? 'categories' : 'storewide' })}
              data-testid="scope-type"
            >
              <option value="storewide">{t('enumValues.storewide')}</option>
              <option value="items">{t('targeting.skus')}</option>
              <option value="categories">{t('targeting.categories')}</option>
            </select>
          </div>
          <div className="card__body stack">
            {scope.type === 'items' ? (
              <>
                <div className="muted small">{t('targeting.selected', { count: scope.skus.length })}</div>
                {chips('skus')}
              </>
            ) : null}
            {scope.type === 'categories' ? <CategoryTree categories={categories} selected={scope.categoryIds} onToggle={(id) => toggleCategory('categoryIds', id)} testId="scope-category" /> : null}
            {scope.type === 'storewide' ? <div className="muted">{t('enumValues.storewide')}</div> : null}
          </div>
        </div>
        <div className="card">
          <div className="card__head">
            <h2>{t('targeting.searchCatalog')}</h2>
          </div>
          <div className="card__body stack">
            <div className="row">
              <input className="input" style={{ flex: 1 }} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('catalog.search')} data-testid="targeting-search" />
              <button type="button" className="btn btn--small" disabled={results.length === 0} onClick={() => addSkus('skus', results.map((r) => r.sku))} data-testid="targeting-add-all">
                {t('targeting.selectAllResults')}
              </button>
            </div>
            {results.length > 0 ? (
              <div className="search-results">
                {results.map((item) => (
                  <div key={item.sku} className="search-result">
                    <span className="mono">{item.sku}</span>
                    <span style={{ flex: 1 }}>{locale === 'en' && item.nameEn ? item.nameEn : item.name}</span>
                    <span className="muted">{formatFen(item.price)}</span>
                    <button type="button" className="btn btn--small" onClick={() => addSkus('skus', [item.sku])}>
                      +
                    </button>
                    <button type="button" className="btn btn--small btn--ghost" onClick={() => addSkus('excludeSkus', [item.sku])} title={t('targeting.excludeSkus')}>
                      −
                    </button>
                  </div>
                ))}
              </div>
            ) : null}
            <label className="field">
              <span className="field__label">{t('targeting.pasteSkus')}</span>
              <textarea className="textarea" rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} data-testid="targeting-paste" />
            </label>
            <div className="row">
              <select className="select" value={pasteTarget} onChange={(e) => setPasteTarget(e.target.value === 'excludeSkus' ? 'excludeSkus' : 'skus')}>
                <option value="skus">{t('targeting.skus')}</option>
                <option value="excludeSkus">{t('targeting.excludeSkus')}</option>
              </select>
              <button
                type="button"
                className="btn btn--small"
                onClick={() => {
                  const parsed = parseSkuList(pasted, known);
                  // Unknown SKUs are still added: the catalog cache may be older than the planner's list.
                  addSkus(pasteTarget, [...parsed.known, ...parsed.unknown]);
                  setPasteResult(t('targeting.pastedResult', { added: parsed.known.length + parsed.unknown.length, unknown: parsed.unknown.length }));
                  setPasted('');
                }}
                data-testid="targeting-paste-add"
              >
                {t('targeting.addPasted')}
              </button>
              {pasteResult ? <span className="muted small">{pasteResult}</span> : null}
            </div>
          </div>
        </div>
      </div>
      <div className="stack">
        <div className="card">
          <div className="card__head">
            <h2>{t('targeting.excludeSkus')}</h2>
          </div>
          <div className="card__body">{chips('excludeSkus')}</div>
        </div>
        <div className="card">
          <div className="card__head">
            <h2>{t('targeting.excludeCategories')}</h2>
          </div>
          <div className="card__body">
            <CategoryTree categories={categories} selected={scope.excludeCategoryIds} onToggle={(id) => toggleCategory('excludeCategoryIds', id)} testId="scope-exclude-category" />
          </div>
        </div>
        <div className="card">
          <div className="card__head">
            <h2>{t('targeting.minMargin')}</h2>
          </div>
          <div className="card__body stack">
            <PercentInput
              value={campaign.minMargin}
              optional
              onChange={(bp) =>
                update((c) => {
                  const { minMargin: _old, ...rest } = c;
                  return bp === undefined ? rest : { ...rest, minMargin: bp };
                }, 'minMargin')
              }
              testId="min-margin"
            />
            <div className="field__hint">{t('targeting.minMarginHint')}</div>
          </div>
        </div>
      </div>
    </div>
  );
}
