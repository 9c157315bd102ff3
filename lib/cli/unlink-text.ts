/** Every line `lore unlink` prints or asks, in one place. */
const commits = (n: number) => (n === 1 ? '1 commit' : `${n} commits`);
const links = (n: number) => (n === 1 ? '1 link' : `${n} links`);

export const unlinkText = {
  // --commit REF
  unlinked: (id8: string, short: string) => `Unlinked session ${id8} from commit ${short}`,
  wouldUnlink: (id8: string, short: string) => `[dry-run] Would unlink session ${id8} from commit ${short}`,
  notLinked: (id8: string, short: string) => `Session ${id8} is not linked to commit ${short}; nothing to unlink`,

  // every commit of this repository
  linkedTo: (id8: string, n: number, root: string) => `Session ${id8} is linked to ${commits(n)} in ${root}:`,
  notLinkedHere: (id8: string, root: string) => `Session ${id8} is not linked to any commit in ${root}; nothing to unlink`,
  prompt: 'Remove these links? (y/N):',
  wouldRemove: (n: number) => `[dry-run] Would remove ${links(n)}`,
  removed: (n: number) => `Removed ${links(n)}`,
  notRemoved: () => 'No links removed',

};
