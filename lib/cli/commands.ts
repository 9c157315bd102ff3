import type { CommandSpec } from './command.js';
import { linkSpec } from './link-spec.js';
import { sessionsSpec } from './sessions-spec.js';

/** Every `lore` subcommand, in the order `lore --help` lists them. */
export const COMMANDS: CommandSpec[] = [linkSpec, sessionsSpec];
