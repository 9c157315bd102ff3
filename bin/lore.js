#!/usr/bin/env node
// dist/bundle is lib/ compiled and bundled into a few files: node loads one module graph
// of ~20 files instead of ~90, ~50 ms less on every command (npm run build makes it).
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2), 'lore');
