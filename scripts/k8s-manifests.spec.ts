import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { readProjects, TAGS } from './workspace-projects';

// Issue 11, part 6: deploy/k8s/suite.yaml against the service list and each service's own
// ports as docker-compose.yml checks them — so a new service, a moved port or a missing probe
// fails here, not in a cluster.
interface Probe {
  httpGet: { path: string; port: string };
}
interface Container {
  env: { name: string; value: string }[];
  envFrom: unknown[];
  ports: { name: string; containerPort: number }[];
  livenessProbe: Probe;
  readinessProbe: Probe;
  resources: { limits: Record<string, string>; requests: Record<string, string> };
}
interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec: {
    replicas: number;
    minAvailable: number;
    selector: { matchLabels: Record<string, string> };
    ports: { targetPort: string }[];
    template: { metadata: { labels: Record<string, string> }; spec: { containers: Container[]; terminationGracePeriodSeconds: number } };
  };
}

const root = join(__dirname, '..');
const manifests = loadAll(readFileSync(join(root, 'deploy/k8s/suite.yaml'), 'utf8')) as Manifest[];
const of = (kind: string, name: string) => manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
const services = readProjects(root)
  .filter((project) => project.tags.includes(TAGS.service))
  .map((project) => project.name)
  .sort();
/** Each service's port as its docker-compose.yml healthcheck reaches it (its configured default). */
const DEFAULT_PORTS: Record<string, number> = Object.fromEntries(
  readFileSync(join(root, 'docker-compose.yml'), 'utf8')
    .split(/^(?= {2}[a-z][\w-]*:\s*$)/m)
    .map((section) => [/^ {2}([a-z][\w-]*):/.exec(section)?.[1], /127\.0\.0\.1:(\d+)\/health\/ready/.exec(section)?.[1]])
    .filter(([name, port]) => name && port)
    .map(([name, port]) => [name, Number(port)]),
);

describe('Kubernetes manifests (deploy/k8s/suite.yaml)', () => {
  it('deploy exactly the five services, each with a Deployment, a Service and a PodDisruptionBudget', () => {
    expect(Object.keys(DEFAULT_PORTS).sort()).toEqual(services);
    for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget']) {
      expect(
        manifests
          .filter((manifest) => manifest.kind === kind)
          .map((manifest) => manifest.metadata.name)
          .sort(),
      ).toEqual(services);
    }
  });

  it.each(Object.entries(DEFAULT_PORTS))('%s: replicas, probes, limits, port and configuration from a secret', (name, port) => {
    const deployment = of('Deployment', name)!;
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': name });
    expect(deployment.spec.template.metadata.labels).toMatchObject({ 'app.kubernetes.io/name': name });
    const [container] = deployment.spec.template.spec.containers;
    expect(container.env).toEqual(expect.arrayContaining([{ name: 'SERVICE', value: name }]));
    expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
    expect(container.env).toEqual(
      expect.arrayContaining([{ name: name === 'gateway' ? 'GATEWAY_PORT' : `${name.toUpperCase()}_PORT`, value: String(port) }]),
    );
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(container.readinessProbe.httpGet.path).toBe(name === 'gateway' ? '/health/live' : '/health/ready');
    expect(container.resources.limits).toEqual({ cpu: expect.any(String), memory: expect.stringMatching(/^\d+Mi$/) });
    expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.stringMatching(/^\d+Mi$/) });
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'crm-config' } }, { secretRef: { name: 'crm-secrets' } }]);
    // Graceful shutdown (OPS-1) fits in the pod's grace period.
    const grace = Number(of('ConfigMap', 'crm-config')!.data!.SHUTDOWN_GRACE_MS) / 1000;
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(grace);
    expect(of('Service', name)!.spec.ports[0].targetPort).toBe('http');
    expect(of('PodDisruptionBudget', name)!.spec.minAvailable).toBe(1);
  });

  it('keeps secrets out of the ConfigMap: the database, broker and admin key come from crm-secrets', () => {
    const config = of('ConfigMap', 'crm-config')!.data!;
    for (const secret of ['DATABASE_URL', 'AMQP_URL', 'GATEWAY_ADMIN_KEY']) expect(config).not.toHaveProperty(secret);
    expect(config.NODE_ENV).toBe('production');
  });
});
