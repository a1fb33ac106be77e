/** Event types of the customers service (CUS-10). Versioned by the envelope's `version`. */
export const CustomerEventType = {
  Registered: 'customers.customer.registered',
  Submitted: 'customers.customer.submitted',
  Approved: 'customers.customer.approved',
  Rejected: 'customers.customer.rejected',
  Updated: 'customers.customer.updated',
  Graded: 'customers.customer.graded',
  Reviewed: 'customers.customer.reviewed',
  Dormant: 'customers.customer.dormant',
  Destroyed: 'customers.customer.destroyed',
} as const;
export type CustomerEventType = (typeof CustomerEventType)[keyof typeof CustomerEventType];

/**
 * `data` of every customers event except `destroyed` (version 1). CUS-10: summary-level fields
 * only — never contacts, notes, surveys or credit details, whatever the archive's level.
 */
export interface CustomerEventData {
  customerId: string;
  code: string | null;
  name: string;
  type: string;
  status: string;
  grade: string | null;
  creditRating: string | null;
  confidentiality: string;
  /**
   * `customers.customer.updated` only: names (not values) of the fields the update set. Every
   * submitted field counts, equal to the stored value or not, so the event reveals no content (CUS-6).
   */
  changedFields?: string[];
}

/** `data` of `customers.customer.destroyed` (version 1): the tombstone, without the name (CUS-9). */
export interface CustomerDestroyedEventData {
  customerId: string;
  code: string | null;
  destroyedAt: string;
  approvers: { role: 'archivist' | 'manager' | 'executive'; keyId: string; at: string }[];
}
