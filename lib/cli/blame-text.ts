/** Every line `lore blame` prints, in one place. */
export const blameText = {
  lines: (start: number, end: number) => (start === end ? `L${start}` : `L${start}-${end}`),
  session: (id8: string, method: string) => `${id8} (${method})`,
  /** A session the index lacks that a teammate shared (refs/lore/sessions). */
  sharedSession: (id8: string, method: string, by: string | undefined) => `${id8} (${method}, ${by === undefined ? 'shared' : `shared by ${by}`})`,
  noLink: '(no linked session)',
  subject: (subject: string) => `    commit   ${subject}`,
  title: (id: string, title: string) => `    session  ${id}  ${title}`,
  code: (n: number, width: number, line: string) => `    ${String(n).padStart(width)} |${line === '' ? '' : ` ${line}`}`,
  empty: (file: string) => `${file} is empty at HEAD`,

};
