import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_SERVICES } from '@crm/contracts';
import { readProjects, TAGS, type WorkspaceProject } from './workspace-projects';

// The list of services has one home per purpose (STYLE rule 13): the Nx project tags for the
// tooling (ESLint boundaries, `npm start`, Nx targets), DOMAIN_SERVICES for the gateway at run
// time, docker-compose.yml for containers. These tests fail when the three drift apart, so adding
// a domain is: a project.json tagged `type:service` + `service:domain`, one DOMAIN_SERVICES entry,
// one compose service (docs/adding-a-domain.md).
const root = join(__dirname, '..');
const projects = readProjects(root);
const tagged = (...tags: string[]) =>
  projects
    .filter((project) => tags.every((tag) => project.tags.includes(tag)))
    .map((project) => project.name)
    .sort();

function composeServices(): Map<string, string | undefined> {
  const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
  const block = /^services:\n([\s\S]*?)(?=^\S)/m.exec(text)?.[1] ?? '';
  const services = new Map<string, string | undefined>();
  for (const section of block.split(/^(?= {2}[a-z][\w-]*:\s*$)/m)) {
    const name = /^ {2}([a-z][\w-]*):\s*$/m.exec(section)?.[1];
    if (name) services.set(name, /^\s+SERVICE:\s*(\S+)\s*$/m.exec(section)?.[1]);
  }
  return services;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.name === 'node_modules' ? [] : entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const pathsOf = (file: string): Record<string, string[]> => JSON.parse(readFileSync(join(root, file), 'utf8')).compilerOptions?.paths ?? {};

describe('the service list', () => {
  it('DOMAIN_SERVICES (the gateway’s readiness list) names exactly the projects tagged service:domain', () => {
    expect([...DOMAIN_SERVICES].sort()).toEqual(tagged(TAGS.service, TAGS.domainService));
  });

  it('the services are the domain services plus the gateway', () => {
    expect(tagged(TAGS.service)).toEqual([...tagged(TAGS.service, TAGS.domainService), ...tagged(TAGS.service, TAGS.gateway)].sort());
    expect(tagged(TAGS.service, TAGS.gateway)).toEqual(['gateway']);
  });

  it('docker-compose.yml runs every service, each with SERVICE set to its own name', () => {
    const compose = composeServices();
    const services = [...compose.keys()].filter((name) => !['postgres', 'rabbitmq'].includes(name)).sort();
    expect(services).toEqual(tagged(TAGS.service));
    for (const name of services) expect([name, compose.get(name)]).toEqual([name, name]);
  });

  it('each service lives in services/<name> with a src/main.ts (what npm start and the Dockerfile run)', () => {
    for (const project of projects.filter((candidate) => candidate.tags.includes(TAGS.service))) {
      expect(project.root).toBe(`services/${project.name}`);
      expect(existsSync(join(root, project.root, 'src', 'main.ts'))).toBe(true);
    }
  });
});

describe('the workspace projects', () => {
  const typeTags = (project: WorkspaceProject) => project.tags.filter((tag) => tag.startsWith('type:'));

  it('each carries exactly one type:* tag, and services a scope:<name> tag', () => {
    for (const project of projects) {
      expect([project.name, typeTags(project).length]).toEqual([project.name, 1]);
      if (project.tags.includes(TAGS.service)) expect(project.tags).toContain(`scope:${project.name}`);
    }
  });

  it('each has the Nx targets of its kind and a tsconfig.json, so `nx run-many` and `nx affected` see it', () => {
    for (const project of projects) {
      const expected = project.tags.includes(TAGS.e2e) ? ['typecheck', 'lint'] : ['typecheck', 'lint', 'test'];
      // Test-support libs are never built: their build would close the cycle messaging ↔ testing
      // (messaging's tests use @crm/testing, which uses @crm/messaging) in `^build`.
      if (project.tags.includes(TAGS.testSupport)) expect([project.name, project.targets.includes('build')]).toEqual([project.name, false]);
      else if (!project.tags.includes(TAGS.e2e)) expected.push('build');
      const all = files(join(root, project.root));
      if (all.some((file) => file.endsWith('.int-spec.ts'))) expected.push('integration');
      if (all.some((file) => file.endsWith('.e2e-spec.ts'))) expected.push('e2e');
      expect([project.name, expected.filter((target) => !project.targets.includes(target))]).toEqual([project.name, []]);
      expect([project.name, existsSync(join(root, project.root, 'tsconfig.json'))]).toEqual([project.name, true]);
    }
  });

  it('every lib has its @crm/<name> alias, the same in tsconfig.base.json and .swcrc (Jest reads tsconfig.base.json)', () => {
    const libs = projects.filter((project) => project.tags.includes(TAGS.lib));
    const expected = Object.fromEntries(libs.map((lib) => [`@crm/${lib.name}`, [`${lib.root}/src/index.ts`]]));
    expect(pathsOf('tsconfig.base.json')).toEqual(expected);
    expect(JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8')).jsc.paths).toEqual(expected);
  });
});
