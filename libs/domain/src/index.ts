export * from './alarms/index.js';
export * from './breaks/index.js';
export * from './evaluation/index.js';
export * from './kpi/index.js';
export * from './staffing/index.js';
export * from './time/index.js';
