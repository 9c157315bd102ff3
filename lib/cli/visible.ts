/**
 * What lore prints comes mostly from others: a teammate's pushed note, an agent's log, the
 * index, paths and config. A control character or a bidi override in any of them would act
 * on the reader's terminal (clear it, retitle it, hide or reorder text), so every line is
 * made visible before it is written: C0 controls (but the newline that ends a line) as
 * `\x1b`, DEL, C1 controls and the invisible direction marks as `\u202e`.
 *
 * Exact JSON survives it: JSON.stringify already escapes every C0 control, and what is left
 * can appear only inside a JSON string, where `\uXXXX` is an escape of that very character,
 * so the line still parses to the same value.
 */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x20 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function visible(text: string): string {
  return text.replace(UNSAFE, escape);
}
