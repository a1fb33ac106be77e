import { DomainException, ErrorKind } from '@crm/errors';

/** CUS-2 refusal, shared by every context that serves only active customers (complaints, returns, …). */
export class CustomerNotActiveException extends DomainException {
  readonly kind = ErrorKind.RuleViolation;

  constructor(message: string) {
    super('CUSTOMER_NOT_ACTIVE', `CUS-2: ${message}`, 'CUS-2');
  }
}

/** What the customers service says when the local model does not know or says not active. */
export type FetchedStatus = { status: string } | { missing: true };

/**
 * CUS-2: only `active` customers are served (complaints tied to orders, return orders, credit
 * notes). The local read model (fed by `customers.customer.*` events) decides when it says
 * `active`; otherwise — unknown, or not active yet because an event may still be on its way — the
 * customers service is asked (RPC fallback) and its answer decides. Refusal: 422 naming CUS-2.
 */
export async function assertActiveCustomer(
  customerId: string,
  known: string | null,
  fetch: () => Promise<FetchedStatus>,
  purpose: string,
): Promise<'model' | 'customers-service'> {
  if (known === 'active') return 'model';
  const fetched = await fetch();
  if ('missing' in fetched)
    throw new CustomerNotActiveException(`customer ${customerId} does not exist; ${purpose} need an active customer`);
  if (fetched.status !== 'active') {
    throw new CustomerNotActiveException(`customer ${customerId} is ${fetched.status}; ${purpose} need an active customer`);
  }
  return 'customers-service';
}
