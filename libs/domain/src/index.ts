export * from './kpi/index.js';
export * from './staffing/index.js';
export * from './time/index.js';
