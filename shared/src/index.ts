export * from './money/money.js';
export * from './campaign/offer.schema.js';
export * from './campaign/campaign.schema.js';
export * from './cart/cart.schema.js';
export * from './rule-graph/graph.schema.js';
export * from './rule-graph/evaluator.types.js';
export * from './pricing/reason.js';
