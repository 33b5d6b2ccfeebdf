#!/usr/bin/env node
// The `waping` command: runs the TypeScript entry through tsx so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
