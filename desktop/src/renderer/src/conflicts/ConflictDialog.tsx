import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictRecord } from '../db/studio-db.js';
import { currentLocale } from '../i18n/i18n.js';
import type { Locale } from '../i18n/locale-preference.js';
import { summarizeGraph } from './graph-summary.js';
import { diffDocs, mergeDocs, type FieldChoice } from './field-diff.js';
import type { Resolution } from './resolve-conflict.js';

interface Props {
  conflict: ConflictRecord;
  onResolve: (resolution: Resolution) => void;
  onCancel: () => void;
}

function show(value: unknown, empty: string): string {
  if (value === undefined || value === null || value === '') return empty;
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Fields planners know by their editor label; others show their path. */
const FIELD_LABELS: Readonly<Record<string, string>> = { graph: 'conflict.graph.label', name: 'editor.name', nameEn: 'editor.nameEn', themeId: 'campaigns.theme' };

function FieldName({ path }: { path: string }) {
  const { t } = useTranslation();
  const key = FIELD_LABELS[path];
  return key ? <td>{t(key)}</td> : <td className="mono">{path}</td>;
}

/** The rule graph as a planner reads it: offer line, node count, conditions by label. */
function GraphValue({ value, locale, empty }: { value: unknown; locale: Locale; empty: string }) {
  const { t } = useTranslation();
  const summary = summarizeGraph(value, locale);
  if (!summary) return <>{show(value, empty)}</>;
  return (
    <div className="graph-summary" data-testid="conflict-graph-summary">
      <div className="graph-summary__offer">{summary.offers.length > 0 ? summary.offers.join(' · ') : t('conflict.graph.noOffer')}</div>
      <div className="muted small">{t('conflict.graph.counts', { nodes: summary.nodeCount, edges: summary.edgeCount })}</div>
      {summary.conditions.length > 0 ? (
        <ul className="graph-summary__list">
          {summary.conditions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ) : (
        <div className="muted small">{t('conflict.graph.noConditions')}</div>
      )}
      {summary.logic.length > 0 ? <div className="muted small">{t('conflict.graph.logic', { list: summary.logic.join(', ') })}</div> : null}
    </div>
  );
}

/** Side-by-side field diff with keep mine / take theirs / merge per field. */
export function ConflictDialog({ conflict, onResolve, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const theirs = conflict.theirs;
  const diffs = useMemo(() => (theirs ? diffDocs(conflict.mine, theirs) : []), [conflict.mine, theirs]);
  const [choices, setChoices] = useState<Record<string, FieldChoice>>({});
  const [onlyDiffs, setOnlyDiffs] = useState(true);
  const name = String(conflict.mine.name ?? theirs?.name ?? conflict.entityId);
  const visible = onlyDiffs ? diffs.filter((d) => !d.equal) : diffs;
  const choose = (path: string, choice: FieldChoice) => setChoices((c) => ({ ...c, [path]: choice }));
  const chosen = (path: string): FieldChoice => choices[path] ?? 'mine';

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" data-testid="conflict-dialog">
      <div className="modal">
        <div className="modal__head">
          <h2>{t('conflict.title', { name })}</h2>
          <div className="muted small" style={{ marginTop: 4 }}>
            {t('conflict.intro', { version: conflict.serverVersion })}
          </div>
        </div>
        <div className="modal__body">
          {!theirs ? (
            <div className="alert alert--warning">{t('conflict.deletedOnServer')}</div>
          ) : (
            <>
              <label className="check small" style={{ marginBottom: 8 }}>
                <input type="checkbox" checked={onlyDiffs} onChange={(e) => setOnlyDiffs(e.target.checked)} />
                {t('conflict.onlyDifferences')}
              </label>
              <table className="table diff">
                <thead>
                  <tr>
                    <th style={{ width: 180 }}>{t('conflict.field')}</th>
                    <th>{t('conflict.mine')}</th>
                    <th>{t('conflict.theirs')}</th>
                  </tr>
                </thead>
                <tbody>
                  {visible.map((d) => (
                    <tr key={d.path} className={d.equal ? '' : 'diff__row--changed'} data-testid="conflict-field" data-path={d.path}>
                      <FieldName path={d.path} />
                      {(['mine', 'theirs'] as const).map((side) => (
                        <td key={side}>
                          <div
                            role="radio"
                            aria-checked={!d.equal && chosen(d.path) === side}
                            tabIndex={0}
                            className={`diff__value ${!d.equal && chosen(d.path) === side ? 'diff__value--chosen' : ''}`}
                            onClick={() => choose(d.path, side)}
                            onKeyDown={(e) => e.key === 'Enter' && choose(d.path, side)}
                            data-testid={`conflict-choose-${side}`}
                          >
                            {d.path === 'graph' ? (
                              <GraphValue value={side === 'mine' ? d.mine : d.theirs} locale={locale} empty={t('conflict.empty')} />
                            ) : (
                              show(side === 'mine' ? d.mine : d.theirs, t('conflict.empty'))
                            )}
                          </div>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
        <div className="modal__foot">
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            {t('conflict.cancel')}
          </button>
          <span className="spacer" />
          <button type="button" className="btn" onClick={() => onResolve({ kind: 'take-theirs' })} data-testid="conflict-take-theirs">
            {t('conflict.takeTheirs')}
          </button>
          <button type="button" className="btn" onClick={() => onResolve({ kind: 'keep', doc: conflict.mine })} data-testid="conflict-keep-mine">
            {t('conflict.keepMine')}
          </button>
          {theirs ? (
            <button type="button" className="btn btn--primary" onClick={() => onResolve({ kind: 'keep', doc: mergeDocs(conflict.mine, theirs, choices, diffs) })} data-testid="conflict-merge">
              {t('conflict.merge')}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
