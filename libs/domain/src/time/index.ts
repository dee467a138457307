export * from './business-day.js';
