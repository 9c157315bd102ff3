/** Times as lore writes them (index lines, note records, JSON output): ISO 8601 UTC to the second. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ISO 8601 with a date and a time; Date.parse alone accepts too much ("1", "May 3").
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Epoch ms of an ISO 8601 date and time; 'shape' when it does not look like one, 'invalid'
 * when it does but names no instant (month 13). The index reader and the importers share
 * it, so every time lore writes it can read back.
 */
export function parseIsoTime(value: string): number | 'shape' | 'invalid' {
  if (!ISO_DATE_TIME.test(value)) return 'shape';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? 'invalid' : ms;
}
