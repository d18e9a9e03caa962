/**
 * "Due today": the care, recall and repurchase messages the guides plan, worked out per customer
 * from purchases and orders. Pure: `now`, settings and done marks come in as arguments.
 */
export * from './schedule';
export * from './types';
export { dueMoments } from './moments';
export * from './due-list';
export * from './candidates';
