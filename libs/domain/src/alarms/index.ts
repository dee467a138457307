export * from './action-types.js';
export * from './alarm-evaluator.js';
export { alarmKey } from './compiled-rule.js';
export * from './default-rules.js';
export * from './floor-alarms.js';
export * from './observe.js';
export * from './opening-hours.js';
export * from './overdue-watch.js';
