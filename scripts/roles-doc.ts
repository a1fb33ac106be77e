// `npm run docs:roles`: writes docs/roles.md from the operation tables in libs/contracts.
import { writeFileSync } from 'node:fs';
import { renderRolesDoc } from '@crm/contracts';

writeFileSync('docs/roles.md', renderRolesDoc());
console.log('docs/roles.md written');
