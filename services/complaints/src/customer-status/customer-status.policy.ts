import type { RegisterComplaintBody } from '@crm/contracts';
import { ComplaintException } from '../complaint/complaint.exception';

/** CUS-2 applies to complaints tied to an order (a product case with an order number) of a known customer. */
export function customerToCheck(input: Pick<RegisterComplaintBody, 'customerId' | 'product'>): string | null {
  return input.product && input.customerId ? input.customerId : null;
}

/** What the customers service says when the local model does not know or says not active. */
export type FetchedStatus = { status: string } | { missing: true };

/**
 * CUS-2: only `active` customers can be given complaints tied to orders. The local read model
 * (fed by `customers.customer.*` events) decides when it says `active`; otherwise — unknown, or not
 * active yet because an event may still be on its way — the customers service is asked (RPC fallback)
 * and its answer decides. Refusal: 422 naming CUS-2.
 */
export async function assertActiveCustomer(
  customerId: string,
  known: string | null,
  fetch: () => Promise<FetchedStatus>,
): Promise<'model' | 'customers-service'> {
  if (known === 'active') return 'model';
  const fetched = await fetch();
  if ('missing' in fetched)
    throw ComplaintException.rule('CUS-2', `customer ${customerId} does not exist; complaints tied to orders need an active customer`);
  if (fetched.status !== 'active') {
    throw ComplaintException.rule(
      'CUS-2',
      `customer ${customerId} is ${fetched.status}; complaints tied to orders need an active customer`,
    );
  }
  return 'customers-service';
}
