// Preload for `bench/profile` (node --require): SIGUSR2 starts a window, the next SIGUSR2 ends
// it. In the window, a V8 CPU profile (inspector, in-process) is taken and every SQL statement
// sent through `pg` is counted; at the end both are written to PROBE_DIR as
// <name>-<pid>.cpuprofile and <name>-<pid>.sql.json. Bench tooling only, never loaded by the suite.
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS run by node directly, not compiled */
'use strict';
const { Session } = require('node:inspector');
const { writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.PROBE_DIR || '/tmp/probe';
const name = (/services\/([^/]+)\//.exec(process.argv[1] || '') || [])[1] || 'node';
// PROBE_CPU=0: count SQL only (CPU figures from /proc are then free of the profiler's own cost).
const cpu = process.env.PROBE_CPU !== '0';
let counts = new Map();
let open = false;
const session = new Session();
session.connect();
const post = (method, params) =>
  new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));

try {
  const pg = require(require.resolve('pg', { paths: [process.cwd()] }));
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function query(config, ...rest) {
    if (open) {
      const text = typeof config === 'string' ? config : config && config.text;
      if (text) {
        const key = text.replace(/\s+/g, ' ').replace(/\$\d+/g, '?').slice(0, 160);
        counts.set(key, (counts.get(key) || 0) + 1);
      }
    }
    return original.call(this, config, ...rest);
  };
} catch {
  // no pg in this process
}

process.on('SIGUSR2', () => {
  void (async () => {
    mkdirSync(dir, { recursive: true });
    if (!open) {
      counts = new Map();
      open = true;
      if (!cpu) return;
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 1000 });
      await post('Profiler.start');
      return;
    }
    open = false;
    if (cpu) {
      const { profile } = await post('Profiler.stop');
      writeFileSync(join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(profile));
    }
    writeFileSync(join(dir, `${name}-${process.pid}.sql.json`), JSON.stringify(Object.fromEntries(counts), null, 1));
    const mib = (bytes) => Math.round(bytes / 104857.6) / 10;
    const memory = Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, mib(v)]));
    const spaces = Object.fromEntries(
      require('node:v8')
        .getHeapSpaceStatistics()
        .map((space) => [space.space_name, { size: mib(space.space_size), used: mib(space.space_used_size) }]),
    );
    writeFileSync(join(dir, `${name}-${process.pid}.mem.json`), JSON.stringify({ memory, spaces }, null, 1));
    // PROBE_HEAP=<service>: that service also writes a heap snapshot (read with heap-summary.cjs).
    if (process.env.PROBE_HEAP === name) require('node:v8').writeHeapSnapshot(join(dir, `${name}-${process.pid}.heapsnapshot`));
  })();
});
