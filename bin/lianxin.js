#!/usr/bin/env node
// Entry point of the `lianxin` command. Registers tsx so the TypeScript sources run without a build step,
// then hands over to the CLI. Worker threads inherit the loader through execArgv (see src/db/pglite-worker-client.ts).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
