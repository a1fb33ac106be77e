import type { EntityManager } from 'typeorm';

/**
 * The complaints service's read model of customer statuses (CUS-2), fed by `customers.customer.*`
 * events — never by reading the customers database. Order-tolerant: a fact older than the one
 * recorded is ignored (docs/decisions.md), so a late `registered` cannot undo an `approved`.
 */
export async function recordCustomerStatus(manager: EntityManager, customerId: string, status: string, asOf: Date): Promise<void> {
  await manager.query(
    `INSERT INTO known_customers (customer_id, status, as_of) VALUES ($1, $2, $3)
     ON CONFLICT (customer_id) DO UPDATE SET status = EXCLUDED.status, as_of = EXCLUDED.as_of
     WHERE known_customers.as_of <= EXCLUDED.as_of`,
    [customerId, status, asOf],
  );
}

export async function knownCustomerStatus(manager: EntityManager, customerId: string): Promise<string | null> {
  const rows: { status: string }[] = await manager.query('SELECT status FROM known_customers WHERE customer_id = $1', [customerId]);
  return rows[0]?.status ?? null;
}
