import type { NodeDefinition } from './node-definition.js';
import { abVariantNode } from './nodes/ab-variant.node.js';
import { andNode } from './nodes/and.node.js';
import { cartSubtotalNode } from './nodes/cart-subtotal.node.js';
import { channelNode } from './nodes/channel.node.js';
import { containsCategoryNode } from './nodes/contains-category.node.js';
import { memberLevelNode } from './nodes/member-level.node.js';
import { newUserNode } from './nodes/new-user.node.js';
import { notNode } from './nodes/not.node.js';
import { offerNode } from './nodes/offer.node.js';
import { orNode } from './nodes/or.node.js';
import { recurrenceNode } from './nodes/recurrence.node.js';
import { regionNode } from './nodes/region.node.js';
import { segmentNode } from './nodes/segment.node.js';
import { skuQuantityNode } from './nodes/sku-quantity.node.js';
import { startNode } from './nodes/start.node.js';
import { userTagsNode } from './nodes/user-tags.node.js';
import { windowNode } from './nodes/window.node.js';

/**
 * Every rule-graph node type, in palette order. The studio builds its palette and forms from
 * this list; the compiler and validator look types up here.
 */
export const NODE_DEFINITIONS: readonly NodeDefinition[] = [
  startNode,
  windowNode,
  recurrenceNode,
  regionNode,
  channelNode,
  userTagsNode,
  segmentNode,
  memberLevelNode,
  newUserNode,
  cartSubtotalNode,
  skuQuantityNode,
  containsCategoryNode,
  abVariantNode,
  andNode,
  orNode,
  notNode,
  offerNode,
];

const byType = new Map(NODE_DEFINITIONS.map((definition) => [definition.type, definition]));

/** The definition of a node type, or undefined for an unknown type. */
export function getNodeDefinition(type: string): NodeDefinition | undefined {
  return byType.get(type);
}
