import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getNodeDefinition, type CampaignKind, type GraphProblem, type RuleGraph } from '@promo/shared';
import { currentLocale } from '../../i18n/i18n.js';
import { autoLayout } from './auto-layout.js';
import { problemsByNode, toFlowEdges, toFlowNodes, type RuleFlowEdge, type RuleFlowNode } from './flow-mapping.js';
import { copySelection, pasteClip, type GraphClip } from './graph-clipboard.js';
import { addNode, connect, moveNodes, removeElements, updateArgs } from './graph-ops.js';
import { NodeInspector } from './NodeInspector.js';
import { NODE_DRAG_TYPE, Palette } from './Palette.js';
import { RuleNode } from './RuleNode.js';

// Declared once at module level: React Flow re-mounts every node when this object changes.
const nodeTypes: NodeTypes = { rule: RuleNode };

export interface GraphEditorProps {
  graph: RuleGraph;
  kind: CampaignKind;
  problems: readonly GraphProblem[];
  onChange: (graph: RuleGraph, coalesceKey?: string) => void;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  skuOptions: readonly string[];
  readOnly: boolean;
}

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function GraphCanvas(props: GraphEditorProps) {
  const { graph, kind, problems, onChange, readOnly } = props;
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const flow = useReactFlow<RuleFlowNode, RuleFlowEdge>();
  const byNode = useMemo(() => problemsByNode(problems), [problems]);
  const [nodes, setNodes] = useState<RuleFlowNode[]>(() => toFlowNodes(graph, kind, byNode, []));
  const [edges, setEdges] = useState<RuleFlowEdge[]>(() => toFlowEdges(graph, problems, []));
  const clipboard = useRef<GraphClip | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  // Nodes just added or pasted are selected once they exist on the canvas (after the graph update).
  const pendingSelection = useRef<ReadonlySet<string> | null>(null);

  useEffect(
    () =>
      setNodes((previous) => {
        const next = toFlowNodes(graph, kind, byNode, previous);
        const wanted = pendingSelection.current;
        if (!wanted || !next.some((n) => wanted.has(n.id))) return next;
        pendingSelection.current = null;
        return next.map((n) => ({ ...n, selected: wanted.has(n.id) }));
      }),
    [graph, kind, byNode],
  );
  useEffect(() => setEdges((previous) => toFlowEdges(graph, problems, previous)), [graph, problems]);

  const selectOnly = useCallback((ids: readonly string[]) => {
    const wanted = new Set(ids);
    pendingSelection.current = wanted;
    setNodes((list) => list.map((n) => ({ ...n, selected: wanted.has(n.id) })));
    setEdges((list) => list.map((e) => ({ ...e, selected: false })));
  }, []);

  const onNodesChange = useCallback((changes: NodeChange<RuleFlowNode>[]) => {
    // Removals go through the graph (undoable) via the keyboard handler, never directly.
    setNodes((list) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), list));
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<RuleFlowEdge>[]) => {
    setEdges((list) => applyEdgeChanges(changes.filter((c) => c.type !== 'remove'), list));
  }, []);

  const deleteSelection = useCallback(() => {
    const nodeIds = new Set(nodes.filter((n) => n.selected && n.data.type !== 'start').map((n) => n.id));
    const edgeIds = new Set(edges.filter((e) => e.selected).map((e) => e.id));
    if (nodeIds.size + edgeIds.size === 0) return;
    onChange(removeElements(graph, nodeIds, edgeIds));
  }, [nodes, edges, graph, onChange]);

  useEffect(() => {
    if (readOnly) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        deleteSelection();
      } else if (mod && event.key.toLowerCase() === 'c') {
        clipboard.current = copySelection(graph, new Set(nodes.filter((n) => n.selected).map((n) => n.id)));
      } else if (mod && event.key.toLowerCase() === 'v' && clipboard.current) {
        event.preventDefault();
        const pasted = pasteClip(graph, clipboard.current);
        onChange(pasted.graph);
        selectOnly(pasted.nodeIds);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly, deleteSelection, graph, nodes, onChange, selectOnly]);

  const isValidConnection: IsValidConnection<RuleFlowEdge> = useCallback(
    (connection) => {
      if (connection.source === connection.target) return false;
      const target = graph.nodes.find((n) => n.id === connection.target);
      const source = graph.nodes.find((n) => n.id === connection.source);
      const targetDef = target ? getNodeDefinition(target.type) : undefined;
      const sourceDef = source ? getNodeDefinition(source.type) : undefined;
      return Boolean(targetDef && targetDef.inputs.max !== 0 && sourceDef && sourceDef.outputs === 1);
    },
    [graph],
  );

  const onConnect = useCallback((connection: Connection) => onChange(connect(graph, connection.source, connection.target)), [graph, onChange]);

  const addAt = useCallback(
    (type: string, position: { x: number; y: number }) => {
      const added = addNode(graph, type, position, kind);
      onChange(added.graph);
      selectOnly([added.nodeId]);
    },
    [graph, kind, onChange, selectOnly],
  );

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
    if (!type || readOnly) return;
    addAt(type, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  const layout = () => {
    onChange(autoLayout(graph));
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2, duration: 200 }));
  };

  const selected = nodes.filter((n) => n.selected);
  const selectedNode = selected.length === 1 ? graph.nodes.find((n) => n.id === selected[0]!.id) : undefined;

  return (
    <div className="stack">
      <div className="editor" data-testid="graph-editor">
        <Palette
          onAdd={(type) => {
            const center = wrapper.current?.getBoundingClientRect();
            addAt(type, center ? flow.screenToFlowPosition({ x: center.left + center.width / 2, y: center.top + center.height / 2 }) : { x: 0, y: 0 });
          }}
        />
        <div className="card canvas" ref={wrapper} onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }} onDrop={onDrop} data-testid="graph-canvas">
          <div className="canvas__toolbar">
            <button type="button" className="btn btn--small btn--ghost" onClick={props.onUndo} disabled={!props.canUndo} data-testid="graph-undo" title="Ctrl+Z">
              ↶ {t('editor.undo')}
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={props.onRedo} disabled={!props.canRedo} data-testid="graph-redo" title="Ctrl+Shift+Z">
              ↷ {t('editor.redo')}
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={layout} disabled={readOnly} data-testid="graph-layout">
              {t('editor.layout')}
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => void flow.fitView({ padding: 0.2, duration: 200 })} data-testid="graph-fit">
              {t('editor.fit')}
            </button>
          </div>
          <ReactFlow<RuleFlowNode, RuleFlowEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            isValidConnection={isValidConnection}
            onNodeDragStop={(_event, _node, dragged) => onChange(moveNodes(graph, new Map(dragged.map((n) => [n.id, n.position]))))}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            deleteKeyCode={null}
            fitView
            fitViewOptions={{ padding: 0.3, maxZoom: 1.25 }}
            minZoom={0.2}
            maxZoom={2}
          >
            <Background gap={16} size={1} color="#dfe3e8" />
            <MiniMap<RuleFlowNode> pannable zoomable style={{ width: 150, height: 96 }} nodeStrokeWidth={2} nodeColor={(n) => (n.data.problems.length > 0 ? '#f5a39d' : '#c9d4e4')} />
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
        <div className="card inspector card__body">
          {selectedNode ? (
            <NodeInspector
              key={selectedNode.id}
              node={selectedNode}
              kind={kind}
              problems={byNode.get(selectedNode.id) ?? []}
              skuOptions={props.skuOptions}
              readOnly={readOnly}
              onChange={(args, key) => onChange(updateArgs(graph, selectedNode.id, args), key)}
              onDelete={() => onChange(removeElements(graph, new Set([selectedNode.id]), new Set()))}
            />
          ) : (
            <div className="muted">{t('editor.selectNode')}</div>
          )}
        </div>
      </div>
      <div className="card" data-testid="problems-panel" data-count={problems.length}>
        <div className="card__head">
          <h3>{t('editor.problems')}</h3>
          {problems.length === 0 ? <span className="badge badge--live">{t('editor.noProblems')}</span> : <span className="badge badge--dirty">{t('editor.problemCount', { count: problems.length })}</span>}
        </div>
        {problems.length > 0 ? (
          <div className="problems">
            {problems.map((p, i) => (
              <div
                key={`${p.code}-${p.nodeId ?? ''}-${p.edgeId ?? ''}-${i}`}
                className="problem"
                data-testid="problem"
                data-node-id={p.nodeId ?? ''}
                onClick={() => {
                  if (!p.nodeId) return;
                  selectOnly([p.nodeId]);
                  const node = graph.nodes.find((n) => n.id === p.nodeId);
                  if (node?.position) void flow.setCenter(node.position.x + 100, node.position.y + 40, { zoom: 1.1, duration: 250 });
                }}
              >
                <span className="problem__code">{p.code}</span>
                <span>{p.message[locale]}</span>
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** The visual rule-graph editor: palette, canvas, inspector and problems panel. */
export function GraphEditor(props: GraphEditorProps) {
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
}
