/**
 * Fault injection for the fault suite (issue 11), off unless `CRM_FAILPOINT` is set: the process
 * kills itself with SIGKILL at a named point while handling a message of a given type, as a replica
 * dying at the worst moment would. The value is `<point>:<type>[,<point>:<type>…]`:
 *
 * - `before-commit:<type>` — the message's work is done inside its transaction, not committed;
 * - `after-commit:<type>` — committed, not yet replied to or acked.
 *
 * `<type>` is a command pattern (`customers.register`), an event type or a plain input's pattern.
 * Refused in production (bootstrap), never set outside tests.
 */
export type FailpointName = 'before-commit' | 'after-commit';

export function parseFailpoints(value: string | undefined): Map<FailpointName, Set<string>> {
  const points = new Map<FailpointName, Set<string>>();
  for (const entry of (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const name = entry.slice(0, separator);
    const type = entry.slice(separator + 1);
    if (separator < 0 || (name !== 'before-commit' && name !== 'after-commit') || !type) {
      throw new Error(`CRM_FAILPOINT: "${entry}" is not <before-commit|after-commit>:<message type>`);
    }
    points.set(name, (points.get(name) ?? new Set()).add(type));
  }
  return points;
}

let armed: Map<FailpointName, Set<string>> | undefined;

/** Reads `CRM_FAILPOINT` (once per process). */
export function armFailpoints(value = process.env.CRM_FAILPOINT): void {
  armed = parseFailpoints(value);
}

/** Dies here (SIGKILL, no clean-up) if the failpoint is armed for this message type. */
export function failpoint(name: FailpointName, type: string | undefined): void {
  if (type !== undefined && armed?.get(name)?.has(type)) process.kill(process.pid, 'SIGKILL');
}
