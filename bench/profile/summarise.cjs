// node bench/profile/summarise.cjs <file.cpuprofile> [top]: self time by function and by package/file.
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node directly, not compiled */
'use strict';
const { readFileSync } = require('node:fs');
const file = process.argv[2];
const top = Number(process.argv[3] || 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const self = new Map(); // node id -> µs
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) || 0) + (profile.timeDeltas[i] || 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
function group(url, fn) {
  // The probe's in-process inspector session shows up as native `dispatch`: its own cost, not the service's.
  if (!url && fn === 'dispatch') return '(profiler)';
  if (!url && (fn === 'writev' || fn === 'writeBuffer' || fn === 'writeUtf8String')) return '(socket writes: syscalls)';
  if (!url) return fn.startsWith('(') ? fn : '(native/builtin)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return url;
  const d = /\/dist\/(.*)$/.exec(url);
  return d ? d[1] : url;
}
const byFn = new Map();
const byGroup = new Map();
for (const node of profile.nodes) {
  const us = self.get(node.id) || 0;
  if (!us) continue;
  const cf = node.callFrame;
  const fn = cf.functionName || '(anonymous)';
  const g = group(cf.url, fn);
  const key = `${fn}  ${g}${cf.url && !cf.url.includes('node_modules') ? '' : ':' + (cf.lineNumber + 1)}`;
  byFn.set(key, (byFn.get(key) || 0) + us);
  byGroup.set(g, (byGroup.get(g) || 0) + us);
}
const idle = byGroup.get('(idle)') || 0;
const profiler = byGroup.get('(profiler)') || 0;
const busy = total - idle - profiler;
const pct = (us) => ((100 * us) / busy).toFixed(1).padStart(5) + '%';
console.log(
  `${file}: ${(total / 1e3).toFixed(0)} ms sampled, ${(busy / 1e3).toFixed(0)} ms busy (percentages of busy; the profiler's own ${(profiler / 1e3).toFixed(0)} ms left out)`,
);
console.log('-- by package / file');
for (const [g, us] of [...byGroup]
  .filter(([g]) => g !== '(idle)' && g !== '(profiler)')
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  console.log(`${pct(us)} ${(us / 1e3).toFixed(0).padStart(7)} ms  ${g}`);
console.log('-- by function (self)');
for (const [k, us] of [...byFn]
  .filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('dispatch '))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  console.log(`${pct(us)} ${(us / 1e3).toFixed(0).padStart(7)} ms  ${k}`);
