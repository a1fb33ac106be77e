// Types for workspace-projects.js (plain CommonJS, loaded by the ESLint and Jest configs too).
export interface WorkspaceProject {
  name: string;
  /** Folder relative to the workspace root, e.g. `services/customers`. */
  root: string;
  tags: string[];
  /** Names of the targets declared in project.json. */
  targets: string[];
}
export declare function readProjects(workspaceRoot?: string): WorkspaceProject[];
export declare function projectsTagged(tags: string[], workspaceRoot?: string): string[];
export declare function tagValue(project: WorkspaceProject, prefix: string): string | undefined;
export declare const TAGS: {
  readonly lib: 'type:lib';
  readonly testSupport: 'lib:test-support';
  readonly service: 'type:service';
  readonly domainService: 'service:domain';
  readonly gateway: 'service:gateway';
  readonly e2e: 'type:e2e';
  readonly tooling: 'type:tooling';
};
export declare const SERVICE_NODE_FLAGS: readonly string[];
