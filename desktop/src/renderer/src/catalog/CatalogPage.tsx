import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services.js';
import { currentLocale } from '../i18n/i18n.js';
import { formatFen } from '../money/money-format.js';
import { searchItems } from './catalog-cache.js';
import { useCatalog, useRefreshCatalog } from './queries.js';

export function CatalogPage() {
  const { t, i18n } = useTranslation();
  const { toast } = useServices();
  const catalog = useCatalog();
  const refresh = useRefreshCatalog();
  const [q, setQ] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const locale = currentLocale(i18n);
  const items = catalog.data?.items ?? [];
  const categories = catalog.data?.categories ?? [];
  const results = useMemo(() => searchItems(items, categories, q, categoryId, 200), [items, categories, q, categoryId]);
  const categoryName = useMemo(() => new Map(categories.map((c) => [c.id, locale === 'en' && c.nameEn ? c.nameEn : c.name])), [categories, locale]);

  // First visit with an empty cache: fetch it once.
  useEffect(() => {
    if (catalog.data && catalog.data.items.length === 0 && refresh.isIdle) refresh.mutate();
  }, [catalog.data, refresh]);

  const doRefresh = () =>
    refresh.mutate(undefined, {
      onSuccess: (count) => toast(t('catalog.refreshed', { count }), undefined, 'success'),
      onError: (e) => toast(t('errors.generic', { message: e.message }), undefined, 'error'),
    });

  return (
    <div>
      <div className="page-head">
        <div className="page-head__title">
          <h1>{t('catalog.title')}</h1>
          <span className="page-head__sub">{t('catalog.cached', { count: items.length })}</span>
        </div>
        <button type="button" className="btn" onClick={doRefresh} disabled={refresh.isPending} data-testid="catalog-refresh">
          {t('catalog.refresh')}
        </button>
      </div>
      <div className="card">
        <div className="filters">
          <input className="input" style={{ width: 320 }} placeholder={t('catalog.search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="catalog-search" />
          <select className="select" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">{t('catalog.allCategories')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {categoryName.get(c.id)}
              </option>
            ))}
          </select>
          <span className="spacer" />
          <span className="muted small">{t('catalog.offlineHint')}</span>
        </div>
        <table className="table">
          <thead>
            <tr>
              <th>{t('catalog.sku')}</th>
              <th>{t('catalog.name')}</th>
              <th>{t('catalog.category')}</th>
              <th className="num">{t('catalog.price')}</th>
              <th className="num">{t('catalog.cost')}</th>
              <th className="num">{t('catalog.inventory')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((item) => (
              <tr key={item.sku}>
                <td className="mono">{item.sku}</td>
                <td>{locale === 'en' && item.nameEn ? item.nameEn : item.name}</td>
                <td>{categoryName.get(item.categoryId) ?? item.categoryId}</td>
                <td className="num">{formatFen(item.price)}</td>
                <td className="num">{item.cost == null ? '—' : formatFen(item.cost)}</td>
                <td className="num">{item.inventory ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {results.length === 0 ? <div className="empty">{t('common.empty')}</div> : null}
      </div>
    </div>
  );
}
