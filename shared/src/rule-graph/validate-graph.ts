import type { CampaignKind } from '../campaign/campaign.schema.js';
import type { GraphProblem } from './graph-problem.js';
import type { RuleGraph } from './graph.schema.js';
import { buildStructure, findCycles, reachableFrom, type GraphStructure } from './graph-structure.js';
import { issueProblems } from './issue-problems.js';
import { getNodeDefinition } from './node-registry.js';
import { offerProblems } from './offer-problems.js';

function nodeProblems(graph: RuleGraph, structure: GraphStructure, kind: CampaignKind): GraphProblem[] {
  const problems: GraphProblem[] = [];
  graph.nodes.forEach((node, i) => {
    const definition = getNodeDefinition(node.type);
    if (!definition) {
      problems.push({
        code: 'unknown_node_type',
        nodeId: node.id,
        message: { zh: `节点 ${node.id}：未知类型 ${node.type}`, en: `Node ${node.id}: unknown type ${node.type}` },
      });
      return;
    }
    const inputCount = structure.incoming[i]!.length;
    const { min, max } = definition.inputs;
    // An exact count (start: 0, not: 1) is worth naming; a missing input elsewhere is reported as unreachable.
    if ((min === max && inputCount !== min) || (max !== null && inputCount > max)) {
      problems.push({
        code: 'wrong_input_count',
        nodeId: node.id,
        message: {
          zh: `节点 ${node.id}（${definition.label.zh}）须有 ${max === min ? min : `至多 ${max}`} 个输入，现有 ${inputCount} 个`,
          en: `Node ${node.id} (${definition.label.en}) takes ${max === min ? 'exactly' : 'at most'} ${max ?? min} input(s), has ${inputCount}`,
        },
      });
    }
    if (definition.outputs === 0 && structure.outgoing[i]!.length > 0) {
      problems.push({
        code: 'wrong_output_count',
        nodeId: node.id,
        message: {
          zh: `节点 ${node.id}（${definition.label.zh}）没有输出，不能连向其他节点`,
          en: `Node ${node.id} (${definition.label.en}) has no output and cannot feed other nodes`,
        },
      });
    }
    if (definition.type === 'offer') {
      problems.push(...offerProblems(node.id, node.args['offer'], kind));
      return;
    }
    const parsed = definition.args.safeParse(node.args);
    if (!parsed.success) problems.push(...issueProblems(node.id, parsed.error.issues));
  });
  return problems;
}

function edgeProblems(graph: RuleGraph, structure: GraphStructure): GraphProblem[] {
  const problems: GraphProblem[] = structure.duplicateNodeIndexes.map((i) => ({
    code: 'duplicate_node_id' as const,
    nodeId: graph.nodes[i]!.id,
    message: { zh: `节点编号 ${graph.nodes[i]!.id} 重复`, en: `Node id ${graph.nodes[i]!.id} is used twice` },
  }));
  for (const { edge, why } of structure.skippedEdges) {
    if (why === 'duplicate') {
      problems.push({
        code: 'duplicate_edge',
        edgeId: edge.id,
        message: { zh: `连线 ${edge.source} → ${edge.target} 重复`, en: `Edge ${edge.source} → ${edge.target} is repeated` },
      });
      continue;
    }
    const missing = [edge.source, edge.target].filter((id) => !structure.indexById.has(id)).join(', ');
    problems.push({
      code: 'dangling_edge',
      edgeId: edge.id,
      message: { zh: `连线 ${edge.id} 指向不存在的节点 ${missing}`, en: `Edge ${edge.id} points to missing node ${missing}` },
    });
  }
  return problems;
}

function connectivityProblems(graph: RuleGraph, structure: GraphStructure): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const n = graph.nodes.length;
  const starts: number[] = [];
  const offers: number[] = [];
  const duplicates = new Set(structure.duplicateNodeIndexes);
  graph.nodes.forEach((node, i) => {
    if (duplicates.has(i)) return;
    if (node.type === 'start') starts.push(i);
    if (node.type === 'offer') offers.push(i);
  });
  if (starts.length === 0) {
    problems.push({ code: 'missing_start', message: { zh: '缺少开始节点', en: 'The graph has no start node' } });
  }
  for (const extra of starts.slice(1)) {
    problems.push({
      code: 'multiple_start',
      nodeId: graph.nodes[extra]!.id,
      message: { zh: `只能有一个开始节点，多余：${graph.nodes[extra]!.id}`, en: `Only one start node is allowed; extra: ${graph.nodes[extra]!.id}` },
    });
  }
  if (offers.length === 0) {
    problems.push({ code: 'no_offer', message: { zh: '规则图中没有优惠节点', en: 'The graph has no offer node' } });
  }
  for (const cycle of findCycles(structure, n)) {
    const path = [...cycle, cycle[0]!].map((i) => graph.nodes[i]!.id).join(' → ');
    for (const i of cycle) {
      problems.push({
        code: 'cycle',
        nodeId: graph.nodes[i]!.id,
        message: { zh: `节点 ${graph.nodes[i]!.id} 处于环路中：${path}`, en: `Node ${graph.nodes[i]!.id} is on a cycle: ${path}` },
      });
    }
  }
  const fromStart = reachableFrom(starts.slice(0, 1), structure.outgoing, n);
  const toOffer = reachableFrom(offers, structure.incoming, n);
  graph.nodes.forEach((node, i) => {
    if (duplicates.has(i) || (node.type === 'start' && i !== starts[0])) return;
    const isolated = structure.incoming[i]!.length === 0 && structure.outgoing[i]!.length === 0;
    if (isolated && n > 1) {
      problems.push({
        code: 'not_connected',
        nodeId: node.id,
        message: { zh: `节点 ${node.id} 没有任何连线`, en: `Node ${node.id} is not connected` },
      });
      return;
    }
    if (starts.length > 0 && !fromStart[i]) {
      const isOffer = node.type === 'offer';
      problems.push({
        code: isOffer ? 'unreachable_offer' : 'unreachable_node',
        nodeId: node.id,
        message: isOffer
          ? { zh: `优惠 ${node.id} 无法从开始节点到达`, en: `Offer ${node.id} cannot be reached from start` }
          : { zh: `节点 ${node.id} 无法从开始节点到达`, en: `Node ${node.id} cannot be reached from start` },
      });
    }
    if (offers.length > 0 && node.type !== 'offer' && !toOffer[i]) {
      problems.push({
        code: 'no_path_to_offer',
        nodeId: node.id,
        message: { zh: `节点 ${node.id} 不通向任何优惠`, en: `Node ${node.id} leads to no offer` },
      });
    }
  });
  return problems;
}

/**
 * Everything wrong with a rule graph for a campaign of `kind`, each problem naming its node or
 * edge (and argument): an empty list means `compileGraph` will accept it. Linear in the graph
 * size, cheap enough to run on every edit in the studio.
 */
export function validateGraph(graph: RuleGraph, kind: CampaignKind): GraphProblem[] {
  const structure = buildStructure(graph);
  return [...edgeProblems(graph, structure), ...nodeProblems(graph, structure, kind), ...connectivityProblems(graph, structure)];
}
