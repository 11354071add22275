import { useTranslation } from 'react-i18next';
import { OfferSchema, getNodeDefinition, type GraphProblem } from '@promo/shared';
import type { Locale } from '../../i18n/locale-preference.js';
import { SchemaForm } from '../forms/SchemaForm.js';
import { updateArgs } from '../graph/graph-ops.js';
import { nodeFormFields } from '../graph/NodeInspector.js';
import { describeOffer } from '../offers/offer-preview.js';
import type { TabProps } from './tab-props.js';

interface Props extends TabProps {
  problems: readonly GraphProblem[];
  skuOptions: readonly string[];
  locale: Locale;
}

/** The kind-specific offer editor: each offer node's form with its live preview line. */
export function OfferTab({ campaign, update, problems, skuOptions, locale }: Props) {
  const { t } = useTranslation();
  const offers = campaign.graph.nodes.filter((n) => n.type === 'offer');
  const fields = nodeFormFields('offer', campaign.kind);
  const labels = getNodeDefinition('offer')?.argLabels;
  return (
    <div className="stack" data-testid="offer-tab">
      {offers.map((node) => {
        const parsed = OfferSchema.safeParse(node.args.offer);
        const errors = new Map(problems.filter((p) => p.nodeId === node.id && p.field).map((p) => [p.field!, p.message[locale]]));
        return (
          <div key={node.id} className="card">
            <div className="card__head">
              <h2>
                {t(`kinds.${campaign.kind}`)} <span className="muted small mono">{node.id}</span>
              </h2>
            </div>
            <div className="card__body stack">
              <div className="field">
                <span className="field__label">{t('offer.preview')}</span>
                <div className="preview-line" data-testid="offer-preview">
                  {parsed.success ? describeOffer(parsed.data, locale) : '—'}
                </div>
              </div>
              <SchemaForm
                fields={fields}
                value={node.args}
                labels={labels}
                errors={errors}
                skuOptions={skuOptions}
                testIdPrefix="offer"
                onChange={(next, key) => update((c) => ({ ...c, graph: updateArgs(c.graph, node.id, next as Record<string, unknown>) }), `${node.id}:${key}`)}
              />
            </div>
          </div>
        );
      })}
    </div>
  );
}
