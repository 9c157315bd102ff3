import type { CommandSpec } from './command.js';
import { linkSpec } from './link-spec.js';
import { sessionsSpec } from './sessions-spec.js';
import { showSpec } from './show-spec.js';
import { unlinkSpec } from './unlink-spec.js';
import { blameSpec } from './blame-spec.js';
import { importSpec } from './import-spec.js';
import { sessionSpec } from './session-spec.js';
import { syncSpec } from './sync-spec.js';
import { shareSpec } from './share-spec.js';
import { remoteSpec } from './remote-spec.js';
import { hooksSpec } from './hooks-spec.js';
import { mcpSpec } from './mcp-spec.js';
import { carrySpec } from './carry-spec.js';
import { coverageSpec } from './coverage-spec.js';
import { logSpec } from './log-spec.js';
import { exportSpec } from './export-spec.js';
import { completionSpec } from './completion-spec.js';
import { doctorSpec } from './doctor-spec.js';
import { searchSpec } from './search-spec.js';

/** Every `lore` subcommand, in the order `lore --help` lists them. */
export const COMMANDS: CommandSpec[] = [linkSpec, sessionsSpec, showSpec, searchSpec, unlinkSpec, blameSpec, importSpec, sessionSpec, syncSpec, shareSpec, carrySpec, coverageSpec, logSpec, exportSpec, remoteSpec, hooksSpec, mcpSpec, doctorSpec, completionSpec];
