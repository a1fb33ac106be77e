// The workspace's projects as Nx sees them: every `project.json` one or two folders deep
// (`services/<name>`, `libs/<name>`, `e2e`, `scripts`), with its name, root and tags. The tags are
// the one home of "which projects are services, which are domain services" (STYLE rule 13);
// eslint.config.mjs, scripts/start-all.ts and the service-list spec derive from here.
// Plain CommonJS so that ESLint's config, Jest's config and the built start script can all load it.
'use strict';
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const SKIPPED = new Set(['node_modules', 'dist', 'coverage', 'tmp', '.git', '.nx']);

function subfolders(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

/** Every project under `workspaceRoot` (default: the folder above this file), sorted by root. */
function readProjects(workspaceRoot = join(__dirname, '..')) {
  const roots = [];
  for (const top of subfolders(workspaceRoot)) {
    if (existsSync(join(workspaceRoot, top, 'project.json'))) roots.push(top);
    else
      for (const sub of subfolders(join(workspaceRoot, top)))
        if (existsSync(join(workspaceRoot, top, sub, 'project.json'))) roots.push(`${top}/${sub}`);
  }
  return roots.map((root) => {
    const config = JSON.parse(readFileSync(join(workspaceRoot, root, 'project.json'), 'utf8'));
    return { name: config.name, root, tags: config.tags ?? [], targets: Object.keys(config.targets ?? {}) };
  });
}

/** Names of the projects carrying every one of `tags`, sorted. */
function projectsTagged(tags, workspaceRoot) {
  return readProjects(workspaceRoot)
    .filter((project) => tags.every((tag) => project.tags.includes(tag)))
    .map((project) => project.name)
    .sort();
}

/** The value of a `prefix:value` tag (`typeOf(project)` → `service` for `type:service`). */
function tagValue(project, prefix) {
  const tag = project.tags.find((candidate) => candidate.startsWith(`${prefix}:`));
  return tag === undefined ? undefined : tag.slice(prefix.length + 1);
}

const TAGS = {
  lib: 'type:lib',
  testSupport: 'lib:test-support',
  service: 'type:service',
  domainService: 'service:domain',
  gateway: 'service:gateway',
  e2e: 'type:e2e',
  tooling: 'type:tooling',
};

/**
 * Node flags of every service process: `npm start` and the bench read them here; the Dockerfile
 * and nx.json's `serve` target, which cannot import, repeat them (keep the four in step).
 * Issue 10: V8's default 16 MiB semi-spaces and an old generation left to grow towards the
 * machine-sized default limit took services to 200–300 MiB RSS under load with ~50 MiB live;
 * 2 MiB semi-spaces and a 128 MiB old generation keep them near 125 MiB (bench/README.md).
 */
const SERVICE_NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=2', '--max-old-space-size=128'];

module.exports = { readProjects, projectsTagged, tagValue, TAGS, SERVICE_NODE_FLAGS };
