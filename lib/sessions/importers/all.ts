import { aider } from './aider.js';
import { amp } from './amp.js';
import { claudeCode } from './claude-code.js';
import { codex } from './codex.js';
import { copilotCli } from './copilot-cli.js';
import { cursor } from './cursor.js';
import { geminiCli } from './gemini-cli.js';
import type { Importer } from './importer.js';

/** Every tool `lore import` reads, in the order it reports them. */
export const IMPORTERS: Importer[] = [claudeCode, codex, geminiCli, aider, cursor, copilotCli, amp];

export function importerOf(tool: string | undefined): Importer | undefined {
  return IMPORTERS.find((i) => i.tool === tool);
}
