// Compiles services, libs, scripts and benchmarks to dist/ with SWC (path aliases rewritten by
// .swcrc). Type checking is `npm run typecheck`; SWC only strips types, which keeps builds fast.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const roots = ['services', 'libs', 'scripts', 'bench'].filter((dir) => existsSync(dir));
execFileSync(
  process.execPath,
  ['node_modules/@swc/cli/bin/swc.js', ...roots, '-d', 'dist', '--copy-files', '--ignore', '**/*.spec.ts,**/test/**,**/*.mjs', '--quiet'],
  { stdio: 'inherit' },
);
