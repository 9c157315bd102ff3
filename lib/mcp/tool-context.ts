/** Where the server's own messages go: standard error, since standard output carries the protocol. */
export type Log = (line: string) => void;

/** What every tool needs: the directory the server serves (relative paths start there) and its log. */
export interface ToolContext {
  dir: string;
  log: Log;
  /**
   * The boundary of what the tools tell: sessions whose directory is inside it, commits of
   * its repository (the top of the repository the server serves, or that directory
   * outside one). null with --all-repos: every session of the index.
   */
  scope: string | null;
}
