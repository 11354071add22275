import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictRecord } from '../db/studio-db.js';
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

/** Side-by-side field diff with keep mine / take theirs / merge per field. */
export function ConflictDialog({ conflict, onResolve, onCancel }: Props) {
  const { t } = useTranslation();
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
                      <td className="mono">{d.path}</td>
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
                            {show(side === 'mine' ? d.mine : d.theirs, t('conflict.empty'))}
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
