// Types for preflight.js, which stays plain JavaScript: it runs before anything is built.
export interface Need {
  name: string;
  what: string;
  tools: string[];
  headers: string[];
  apt: string;
  dnf: string;
  brew: string | null;
}
export const NEEDS: Need[];
export function includeDirs(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string[];
export function missing(o: { path: string; dirs: string[]; env?: NodeJS.ProcessEnv }): Need[];
export function installCommand(needs: Need[], path: string): string;
export function report(needs: Need[], path: string): string | null;
