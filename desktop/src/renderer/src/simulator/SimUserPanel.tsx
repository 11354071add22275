import { useTranslation } from 'react-i18next';
import { ChannelSchema } from '@promo/shared';

export interface SimUser {
  userId: string;
  tags: string;
  segments: string;
  province: string;
  city: string;
  channel: string;
  memberLevel: number;
  isNewUser: boolean;
  points: number;
}

export const DEFAULT_SIM_USER: SimUser = { userId: 'sim-user', tags: '', segments: '', province: '', city: '', channel: 'app', memberLevel: 0, isNewUser: false, points: 0 };

interface Props {
  user: SimUser;
  setUser: (user: SimUser) => void;
  withReservations: boolean;
  setWithReservations: (value: boolean) => void;
}

/** The simulated shopper: tags, segments, region, channel, member level, new user, points. */
export function SimUserPanel({ user, setUser, withReservations, setWithReservations }: Props) {
  const { t } = useTranslation();
  return (
    <div className="card">
      <div className="card__head">
        <h2>{t('simulator.user')}</h2>
      </div>
      <div className="card__body grid-2">
        <label className="field">
          <span className="field__label">{t('simulator.userId')}</span>
          <input className="input" value={user.userId} onChange={(e) => setUser({ ...user, userId: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">{t('simulator.channel')}</span>
          <select className="select" value={user.channel} onChange={(e) => setUser({ ...user, channel: e.target.value })} data-testid="sim-channel">
            {ChannelSchema.options.map((c) => (
              <option key={c} value={c}>
                {t(`enumValues.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('simulator.tags')}</span>
          <input className="input" value={user.tags} onChange={(e) => setUser({ ...user, tags: e.target.value })} data-testid="sim-tags" />
        </label>
        <label className="field">
          <span className="field__label">{t('simulator.segments')}</span>
          <input className="input" value={user.segments} onChange={(e) => setUser({ ...user, segments: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">{t('simulator.province')}</span>
          <input className="input" value={user.province} onChange={(e) => setUser({ ...user, province: e.target.value })} data-testid="sim-province" />
        </label>
        <label className="field">
          <span className="field__label">{t('simulator.city')}</span>
          <input className="input" value={user.city} onChange={(e) => setUser({ ...user, city: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">{t('simulator.memberLevel')}</span>
          <input className="input" type="number" min={0} max={10} value={user.memberLevel} onChange={(e) => setUser({ ...user, memberLevel: Math.max(0, Math.min(10, Math.floor(Number(e.target.value) || 0))) })} data-testid="sim-member-level" />
        </label>
        <label className="field">
          <span className="field__label">{t('simulator.pointsBalance')}</span>
          <input className="input" type="number" min={0} value={user.points} onChange={(e) => setUser({ ...user, points: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={user.isNewUser} onChange={(e) => setUser({ ...user, isNewUser: e.target.checked })} data-testid="sim-new-user" />
          {t('simulator.newUser')}
        </label>
        <label className="check">
          <input type="checkbox" checked={withReservations} onChange={(e) => setWithReservations(e.target.checked)} />
          {t('kinds.flash_sale')} / {t('kinds.group_buy')} ✓
        </label>
      </div>
    </div>
  );
}
