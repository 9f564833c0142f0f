#!/usr/bin/env node
// Runs one TypeScript file (benchmarks, scripts) with the tsx loader: `node bin/run-ts.js bench/run-all.ts`.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const file = process.argv[2];
if (!file) throw new Error('usage: run-ts <file.ts> [args]');
process.argv.splice(2, 1);
await import(pathToFileURL(file).href);
