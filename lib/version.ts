// esbuild inlines the version into the bundle, so no package.json is looked up at run time.
import pkg from '../package.json' with { type: 'json' };

export const LORE_VERSION: string = pkg.version;
