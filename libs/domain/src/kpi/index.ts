export * from './agent-book.js';
export * from './agent-day.js';
export * from './agent-times.js';
export * from './callbacks.js';
export * from './contact-ledger.js';
export * from './counters.js';
export * from './floor-state.js';
export * from './pauses.js';
