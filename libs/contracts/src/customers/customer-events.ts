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
