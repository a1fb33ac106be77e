import { Client } from 'pg';
import { databaseUrl } from '@crm/persistence';
import { testEnv } from '@crm/testing';

/** A SQL connection to the loyalty database a suite started for `purpose` (what the API cannot show or do, e.g. let a card expire). */
export async function loyaltySql(purpose: string): Promise<Client> {
  const admin = new Client({ connectionString: testEnv.databaseUrl });
  await admin.connect();
  let database: string;
  try {
    const rows = (await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`test_${purpose}_loyalty%`])).rows;
    if (rows.length !== 1) throw new Error(`expected one loyalty database for ${purpose}, found ${rows.length}`);
    database = rows[0].datname as string;
  } finally {
    await admin.end();
  }
  const sql = new Client({ connectionString: databaseUrl(testEnv.databaseUrl, database) });
  await sql.connect();
  return sql;
}

export { publishReturnReceived } from '../../services/loyalty/test/support/loyalty-harness';
