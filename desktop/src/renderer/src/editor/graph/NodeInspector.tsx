import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { getNodeDefinition, OfferSchema, type CampaignKind, type GraphNode, type GraphProblem } from '@promo/shared';
import { currentLocale } from '../../i18n/i18n.js';
import type { FormField } from '../forms/form-field.types.js';
import { pickUnionOption, schemaToForm } from '../forms/schema-to-form.js';
import { SchemaForm } from '../forms/SchemaForm.js';
import { describeOffer } from '../offers/offer-preview.js';

/** The form of one node type; an offer node's form is narrowed to the campaign's kind. */
export function nodeFormFields(type: string, kind: CampaignKind): FormField[] {
  if (type === 'offer') return schemaToForm(z.object({ offer: pickUnionOption(OfferSchema, 'kind', kind) ?? OfferSchema }));
  const definition = getNodeDefinition(type);
  return definition ? schemaToForm(definition.args) : [];
}

interface Props {
  node: GraphNode;
  kind: CampaignKind;
  problems: readonly GraphProblem[];
  skuOptions: readonly string[];
  readOnly: boolean;
  onChange: (args: Record<string, unknown>, coalesceKey: string) => void;
  onDelete: () => void;
}

export function NodeInspector({ node, kind, problems, skuOptions, readOnly, onChange, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const definition = getNodeDefinition(node.type);
  const fields = useMemo(() => nodeFormFields(node.type, kind), [node.type, kind]);
  const errors = useMemo(() => new Map(problems.filter((p) => p.field).map((p) => [p.field!, p.message[locale]])), [problems, locale]);
  const general = problems.filter((p) => !p.field);
  const offer = node.type === 'offer' ? OfferSchema.safeParse(node.args.offer) : null;
  return (
    <div className="stack" data-testid="node-inspector" data-node-id={node.id}>
      <div>
        <h3>{definition?.label[locale] ?? node.type}</h3>
        <div className="muted small">{definition?.description[locale]}</div>
        <div className="muted small mono">{node.id}</div>
      </div>
      {general.map((p) => (
        <div key={`${p.code}-${p.edgeId ?? ''}`} className="alert alert--error">
          {p.message[locale]}
        </div>
      ))}
      {offer?.success ? (
        <div className="preview-line" data-testid="offer-preview">
          {describeOffer(offer.data, locale)}
        </div>
      ) : null}
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <SchemaForm
          fields={fields}
          value={node.args}
          labels={definition?.argLabels}
          errors={errors}
          skuOptions={skuOptions}
          onChange={(next, key) => onChange(next as Record<string, unknown>, `${node.id}:${key}`)}
          testIdPrefix="arg"
        />
      </fieldset>
      {node.type !== 'start' && !readOnly ? (
        <button type="button" className="btn btn--danger" onClick={onDelete} data-testid="delete-node">
          {t('editor.deleteNode')}
        </button>
      ) : null}
    </div>
  );
}
