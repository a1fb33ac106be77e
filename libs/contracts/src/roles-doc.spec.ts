import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRolesDoc } from './roles-doc';

describe('docs/roles.md', () => {
  it('is the one generated from the operation tables (run `npm run docs:roles` after changing a table)', () => {
    const checkedIn = readFileSync(join(__dirname, '../../../docs/roles.md'), 'utf8');
    expect(checkedIn).toBe(renderRolesDoc());
  });

  it('marks a refused role and an admitted one', () => {
    const row = renderRolesDoc()
      .split('\n')
      .find((line) => line.startsWith('| `POST /customers/{id}/approve`'));
    // roles: admin, executive, manager, archivist, sales, … — only admin and manager may approve.
    expect(row).toMatch(/^\| `POST \/customers\/\{id\}\/approve` \| CUS-2, CUS-4 \| ✓ \| · \| ✓ \| · \| · \|/);
  });
});
