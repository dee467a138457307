export * from './calibration.js';
export * from './expected-figures.js';
export * from './expected-pauses.js';
export * from './floor-spec.js';
export * from './live-simulation.js';
export * from './queue-log-writer.js';
export * from './simulate.js';
