// node bench/profile/heap-summary.cjs <file.heapsnapshot> [top]: retained-by-type summary of a V8
// heap snapshot — self size and count per constructor/type (what dominates the live heap).
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node directly, not compiled */
'use strict';
const { readFileSync } = require('node:fs');
const snapshot = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const top = Number(process.argv[3] || 30);
const meta = snapshot.snapshot.meta;
const fields = meta.node_fields;
const types = meta.node_types[0];
const width = fields.length;
const at = (name) => fields.indexOf(name);
const [iType, iName, iSize] = [at('type'), at('name'), at('self_size')];
const groups = new Map();
let total = 0;
for (let i = 0; i < snapshot.nodes.length; i += width) {
  const type = types[snapshot.nodes[i + iType]];
  const name = snapshot.strings[snapshot.nodes[i + iName]];
  const size = snapshot.nodes[i + iSize];
  const key = type === 'object' || type === 'closure' ? `${type}: ${name}` : `(${type})${type === 'string' ? '' : ` ${name.slice(0, 40)}`}`;
  const group = groups.get(key) ?? { size: 0, count: 0 };
  group.size += size;
  group.count += 1;
  groups.set(key, group);
  total += size;
}
console.log(`${process.argv[2]}: ${(total / 1048576).toFixed(1)} MiB live (self sizes)`);
for (const [key, { size, count }] of [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, top))
  console.log(`${(size / 1048576).toFixed(2).padStart(8)} MiB ${String(count).padStart(8)}  ${key}`);
