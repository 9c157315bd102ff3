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

  // Mistakes on the command line.
  badRange: (spec: string) => `bad line range '${spec}': lines count from 1, and a range's end is not before its start`,
  outside: (file: string, root: string) => `'${file}' is outside the repository ${root}`,
  noSuchFile: (file: string) => `no such file: '${file}'`,
  isDirectory: (file: string) => `'${file}' is a directory; blame works on one file`,
  pastEnd: (file: string, line: number, total: number) =>
    `line ${line} is past the end of ${file}, which has ${total === 1 ? '1 line' : `${total} lines`} at HEAD`,
  headHint: 'Line numbers are those of the file as committed at HEAD.',
};
