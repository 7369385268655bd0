export * from './decimal.js';
export * from './domain-error.js';
export * from './enums.js';
export * from './format.js';
export * from './kpi-formulas.js';
export * from './locale.js';
export * from './month.js';
