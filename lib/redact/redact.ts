/**
 * Redaction of what a session record carries (its title, prompts, branch, files) before it
 * is written to git, where it is pushed and can never be taken back: every secret RULES
 * knows becomes `[redacted:<kind>]`, and home directories become `~`. Pure: no I/O.
 */
import { homedir } from 'node:os';
import { RULES, type RedactRule } from './patterns.js';

// With the `d` flag each match carries its groups' offsets, so only the secret is replaced.
const INDEXED = RULES.map((r) => ({ ...r, pattern: new RegExp(r.pattern.source, r.pattern.flags + 'd') }));

function apply(text: string, rule: RedactRule): string {
  let out = '';
  let from = 0;
  for (const m of text.matchAll(rule.pattern)) {
    const span = m.indices?.[rule.group ?? 0];
    if (!span) continue;
    out += text.slice(from, span[0]) + `[redacted:${rule.kind}]`;
    from = span[1];
  }
  return from === 0 ? text : out + text.slice(from);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `/home/<name>`, `/Users/<name>` and `C:\Users\<name>` anywhere (a log from another machine,
 * a path in a prompt), and this user's own home wherever it lies, become `~`.
 */
function homes(home: string): RegExp {
  const own = home.length > 1 && home !== '/' ? `${escapeRegExp(home.replace(/[\\/]+$/, ''))}(?![\\w.-])|` : '';
  return new RegExp(`(?<![\\w.\\/-])(?:${own}/(?:home|Users)/[^\\s/\\\\"'\`:]+|[A-Za-z]:\\\\Users\\\\[^\\s\\\\/"'\`:]+)`, 'g');
}

export function redact(text: string, home = homedir()): string {
  let out = text;
  for (const rule of INDEXED) out = apply(out, rule);
  return out.replace(homes(home), '~');
}
