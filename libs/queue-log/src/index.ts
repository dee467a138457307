export * from './csv.js';
export * from './parser.js';
export * from './stream.js';
