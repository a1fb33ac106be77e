import type { Client } from 'pg';
import { serviceSql } from './suite';

/** The loyalty database a suite started for `purpose`. */
export function loyaltySql(purpose: string): Promise<Client> {
  return serviceSql(purpose, 'loyalty');
}

export { publishReturnReceived } from '../../services/loyalty/test/support/loyalty-harness';
