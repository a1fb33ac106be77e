// Compiles services, libs, scripts and benchmarks to dist/ with SWC (path aliases rewritten by
// .swcrc). Type checking is `npm run typecheck`; SWC only strips types, which keeps builds fast.
// `node scripts/build.mjs <root>…` rebuilds only those folders (what each project's Nx `build`
// target runs, into dist/<root>); without arguments it rebuilds the whole of dist/.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const roots = only.length ? only : ['services', 'libs', 'scripts', 'bench'].filter((dir) => existsSync(dir));
if (only.length) for (const root of only) rmSync(join('dist', root), { recursive: true, force: true });
else rmSync('dist', { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    'node_modules/@swc/cli/bin/swc.js',
    ...roots,
    '-d',
    'dist',
    '--copy-files',
    '--ignore',
    '**/*.spec.ts,**/*.d.ts,**/test/**,**/*.mjs',
    '--quiet',
  ],
  { stdio: 'inherit' },
);
