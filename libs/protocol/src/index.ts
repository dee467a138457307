export * from './events.js';
export * from './ingest.js';
export * from './live.js';
