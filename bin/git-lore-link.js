#!/usr/bin/env node
// git runs `git lore-link …` as this program: the same command as `lore link …`.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2), 'git lore-link');
