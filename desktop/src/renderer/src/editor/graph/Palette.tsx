import { useTranslation } from 'react-i18next';
import { NODE_DEFINITIONS, type NodeCategory } from '@promo/shared';
import { currentLocale } from '../../i18n/i18n.js';

export const NODE_DRAG_TYPE = 'application/x-promo-node';

const CATEGORY_ORDER: NodeCategory[] = ['start', 'condition', 'logic', 'offer'];
const SWATCH: Record<NodeCategory, string> = { start: '#1f9d55', condition: '#2f6fed', logic: '#7e57c2', offer: '#d9363e' };

/** The node palette, generated from the shared registry; items are dragged onto the canvas. */
export function Palette({ onAdd }: { onAdd: (type: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <div className="card palette" data-testid="palette">
      <div className="muted small" style={{ margin: '0 4px 8px' }}>
        {t('editor.paletteHint')}
      </div>
      {CATEGORY_ORDER.map((category) => (
        <div key={category} className="palette__group">
          <div className="palette__title">{t(`editor.categories.${category}`)}</div>
          {NODE_DEFINITIONS.filter((d) => d.category === category).map((definition) => (
            <div
              key={definition.type}
              className="palette__item"
              draggable
              title={definition.description[locale]}
              onDragStart={(event) => {
                event.dataTransfer.setData(NODE_DRAG_TYPE, definition.type);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onDoubleClick={() => onAdd(definition.type)}
              data-testid={`palette-${definition.type}`}
            >
              <span className="palette__swatch" style={{ background: SWATCH[category] }} />
              {definition.label[locale]}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
