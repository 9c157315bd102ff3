import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isLoreError } from '../errors.js';
import type { Log } from './tool-context.js';

/**
 * Runs a tool's body and shapes the MCP result: the data as structuredContent and the
 * same JSON as text, for clients that read only text. A LoreError becomes a tool error
 * whose text is the message the CLI prints after `Error:` (then its hint), so the
 * agent can correct its call; anything else is a bug, logged with its stack, and the
 * server keeps serving.
 */
export async function answer(log: Log, body: () => Promise<Record<string, unknown>>): Promise<CallToolResult> {
  try {
    const data = await body();
    return { structuredContent: data, content: [{ type: 'text', text: JSON.stringify(data) }] };
  } catch (e) {
    if (isLoreError(e)) {
      const hint = e.hint ? [{ type: 'text' as const, text: `hint: ${e.hint}` }] : [];
      return { isError: true, content: [{ type: 'text', text: e.message }, ...hint] };
    }
    const err = e as Error;
    log(`lore mcp: internal error: ${err?.stack ?? String(e)}`);
    return { isError: true, content: [{ type: 'text', text: `internal error: ${err?.message ?? String(e)}` }] };
  }
}
