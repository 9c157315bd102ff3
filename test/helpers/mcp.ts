/** Drives `lore mcp` the way an agent does: the SDK's own client over stdio, spawning bin/lore.js. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { LORE_BIN, type World } from './env.js';

export interface McpSession {
  client: Client;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Transport and protocol errors the client saw, e.g. a line on stdout that is not a message. */
  errors: Error[];
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

export async function startMcp(w: World, cwd: string, args: string[] = []): Promise<McpSession> {
  const env = Object.fromEntries(Object.entries(w.env).filter((e): e is [string, string] => e[1] !== undefined));
  const transport = new StdioClientTransport({ command: process.execPath, args: [LORE_BIN, 'mcp', ...args], cwd, env, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += d));
  const errors: Error[] = [];
  const client = new Client({ name: 'lore-test', version: '0' });
  client.onerror = (e) => void errors.push(e);
  await client.connect(transport);
  return {
    client,
    stderr: () => stderr,
    errors,
    call: async (name, a = {}) => (await client.callTool({ name, arguments: a })) as CallToolResult,
    close: () => client.close(),
  };
}

/** The text items of a result, in order. */
export function texts(r: CallToolResult): string[] {
  return r.content.map((c) => (c.type === 'text' ? c.text : `[${c.type}]`));
}
