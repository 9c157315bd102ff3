import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { realDir } from '../commands/place.js';
import { findGitRoot } from '../git/discover.js';
import type { ToolContext } from './tool-context.js';
import { LineTransport } from './line-transport.js';
import { registerLinkTool } from './link-tool.js';
import { registerReadTools } from './read-tools.js';

export interface ServerOptions extends Omit<ToolContext, 'scope'> {
  /** Offer lore_link; without it the server cannot change anything. */
  allowWrite: boolean;
  /** Answer about every repository's sessions; without it, only about the one served. */
  allRepos: boolean;
}

const INSTRUCTIONS = `lore links AI coding sessions to the git commits they produced (git notes under refs/notes/lore).
Before changing code, lore_blame its lines to find the commits and sessions that wrote them, then lore_get_session for what a session was.
lore_get_linked_sessions answers the same for a whole commit; lore_list_sessions finds session ids, lore_search finds sessions by what they asked or edited.`;

/** lore's version, from its package.json: found from wherever this file runs (lib/mcp under tsx, dist/bundle when built). */
function loreVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return String(JSON.parse(readFileSync(file, 'utf8')).version);
    if (dirname(dir) === dir) return '0.0.0';
  }
}

function createServer(opts: ToolContext & { allowWrite: boolean }): McpServer {
  const server = new McpServer({ name: 'lore', version: loreVersion() }, { instructions: INSTRUCTIONS });
  registerReadTools(server, opts);
  if (opts.allowWrite) registerLinkTool(server, opts);
  server.server.onerror = (e) => opts.log(`lore mcp: ${e.message}`);
  return server;
}

/** `lore mcp`: serves over stdin and stdout until the client closes stdin. */
export async function serveStdio(opts: ServerOptions): Promise<void> {
  // Session tools still work outside a repository; commit tools will say why they cannot.
  const root = findGitRoot(opts.dir);
  if (root === null) opts.log(`lore mcp: ${opts.dir} is not inside a git repository; commit and blame tools will fail`);
  const server = createServer({ ...opts, scope: opts.allRepos ? null : realDir(root ?? opts.dir) });
  // 'end' at end of input; 'close' also after a read error, which ends no input.
  const ended = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
  });
  await server.connect(new LineTransport());
  await ended;
  await server.close();
}
