import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { getNodeDefinition } from '@promo/shared';
import { currentLocale } from '../../i18n/i18n.js';
import type { RuleFlowNode } from './flow-mapping.js';
import { summarizeNode } from './node-summary.js';

/** One rule-graph node on the canvas: label, argument summary, first problem, handles. */
function RuleNodeView({ data, selected, id }: NodeProps<RuleFlowNode>) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const definition = getNodeDefinition(data.type);
  const category = definition?.category ?? 'condition';
  const problem = data.problems[0];
  const summary = summarizeNode(data.type, data.args, locale);
  const classes = ['rule-node', `rule-node--${category}`, selected ? 'rule-node--selected' : '', problem ? 'rule-node--invalid' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid="rule-node" data-node-id={id} data-node-type={data.type} data-invalid={problem ? 'true' : 'false'}>
      {definition && definition.inputs.max !== 0 ? <Handle type="target" position={Position.Left} id="in" data-testid="handle-in" /> : null}
      <div className="rule-node__head">
        <span>{definition?.label[locale] ?? data.type}</span>
        <span className="rule-node__cat">{t(`editor.categories.${category}`)}</span>
      </div>
      {summary.length > 0 ? (
        <div className="rule-node__body">
          {summary.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      ) : null}
      {problem ? (
        <div className="rule-node__problem" data-testid="node-problem">
          {problem.message[locale]}
          {data.problems.length > 1 ? ` (+${data.problems.length - 1})` : ''}
        </div>
      ) : null}
      {definition?.outputs === 1 ? <Handle type="source" position={Position.Right} id="out" data-testid="handle-out" /> : null}
    </div>
  );
}

export const RuleNode = memo(RuleNodeView);
