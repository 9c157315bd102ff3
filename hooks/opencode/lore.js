// lore: this plugin is lore's own. `lore hooks install --agent opencode` writes it and
// `lore hooks uninstall --agent opencode` removes it; edits here are lost on the next install.
//
// OpenCode loads every plugin in .opencode/plugin/. This one tells lore about each session as
// it happens: its start, the files it edits, the `git commit`s it runs, the end of each turn,
// so the post-commit hook links the right session. Each event is piped, as JSON, to
// `lore hooks agent-event --agent opencode`. It never fails or holds up OpenCode: lore runs in
// the background, except around a `git commit`, which waits for lore to note that it starts.
import { spawn } from 'node:child_process';

const COMMAND = '';

export const LorePlugin = async ({ directory }) => {
  // tool.execute.after does not repeat the tool's arguments: they are kept from before.
  const args = new Map();
  const send = (payload) =>
    new Promise((done) => {
      try {
        const child = spawn('sh', ['-c', COMMAND], { cwd: directory, stdio: ['pipe', 'ignore', 'ignore'] });
        child.on('error', () => done());
        child.on('close', () => done());
        child.stdin.on('error', () => {});
        child.stdin.end(JSON.stringify({ ...payload, cwd: directory }));
      } catch {
        done();
      }
    });
  const tool = (name, input, toolInput) => ({ hook_event_name: name, session_id: input.sessionID, tool_name: input.tool, tool_input: toolInput });
  return {
    event: async ({ event }) => {
      const p = event.properties ?? {};
      if (event.type === 'session.created') send({ hook_event_name: event.type, session_id: p.info?.id });
      else if (event.type === 'session.idle') send({ hook_event_name: event.type, session_id: p.sessionID });
      else if (event.type === 'session.deleted') send({ hook_event_name: event.type, session_id: p.info?.id });
    },
    'tool.execute.before': async (input, output) => {
      const a = output?.args ?? {};
      args.set(input.callID, a);
      if (input.tool === 'bash' && String(a.command ?? '').includes('commit')) await send(tool('tool.execute.before', input, { command: a.command }));
    },
    'tool.execute.after': async (input) => {
      const a = args.get(input.callID) ?? {};
      args.delete(input.callID);
      if (input.tool === 'bash' && String(a.command ?? '').includes('commit')) send(tool('tool.execute.after', input, { command: a.command }));
      else if (input.tool === 'edit' || input.tool === 'write') send(tool('tool.execute.after', input, { filePath: a.filePath }));
    },
  };
};
