export * from './alarms.js';
export * from './boards.js';
export * from './breaks.js';
export * from './evaluation.js';
export * from './events.js';
export * from './ingest.js';
export * from './live.js';
export * from './messages.js';
