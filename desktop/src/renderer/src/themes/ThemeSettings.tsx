import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ThemeSchema, type Theme } from '@promo/shared';
import { useServices } from '../app/services.js';
import { useSaveTheme } from '../campaigns/mutations.js';
import { MoneyInput } from '../editor/forms/MoneyInput.js';
import { ZonedDateTimeInput } from '../editor/forms/ZonedDateTimeInput.js';

const ZONE = 'Asia/Shanghai';

/** Name, window and budget of a theme; saved locally and synced like a campaign. */
export function ThemeSettings({ theme }: { theme: Theme }) {
  const { t } = useTranslation();
  const { toast } = useServices();
  const save = useSaveTheme();
  const [draft, setDraft] = useState<Theme>(theme);
  const parsed = ThemeSchema.safeParse(draft);
  const valid = parsed.success && Date.parse(draft.end) > Date.parse(draft.start);
  return (
    <div className="card" data-testid="theme-settings">
      <div className="card__head">
        <h2>{t('themes.settings')}</h2>
        <button
          type="button"
          className="btn btn--primary btn--small"
          disabled={!valid || save.isPending}
          onClick={() => parsed.success && save.mutate(parsed.data, { onSuccess: () => toast(t('themes.saved'), undefined, 'success') })}
          data-testid="theme-save"
        >
          {t('common.save')}
        </button>
      </div>
      <div className="card__body grid-3">
        <label className="field">
          <span className="field__label">{t('themes.name')}</span>
          <input className="input" value={draft.name} maxLength={120} onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-testid="theme-name" />
        </label>
        <label className="field">
          <span className="field__label">{t('themes.nameEn')}</span>
          <input className="input" value={draft.nameEn ?? ''} maxLength={120} onChange={(e) => setDraft({ ...draft, nameEn: e.target.value || undefined })} />
        </label>
        <label className="field">
          <span className="field__label">{t('themes.budget')}</span>
          <MoneyInput
            value={draft.budget}
            optional
            onChange={(fen) =>
              setDraft((d) => {
                const { budget: _old, ...rest } = d;
                return fen === undefined ? rest : { ...rest, budget: fen };
              })
            }
            testId="theme-budget"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('themes.start')}</span>
          <ZonedDateTimeInput value={draft.start} zone={ZONE} onChange={(start) => setDraft({ ...draft, start })} testId="theme-start" />
        </label>
        <label className="field">
          <span className="field__label">{t('themes.end')}</span>
          <ZonedDateTimeInput value={draft.end} zone={ZONE} onChange={(end) => setDraft({ ...draft, end })} testId="theme-end" />
        </label>
      </div>
    </div>
  );
}
