/** RPC patterns the customers service answers (gateway → customers, request/reply). */
export const CustomerPattern = {
  Register: 'customers.register',
  Get: 'customers.get',
  List: 'customers.list',
  Update: 'customers.update',
  Submit: 'customers.submit',
  Approve: 'customers.approve',
  Reject: 'customers.reject',
  Grade: 'customers.grade',
  Review: 'customers.review',
  MarkDormant: 'customers.mark-dormant',
  ApproveDestruction: 'customers.approve-destruction',
  AccessLog: 'customers.access-log',
} as const;
export type CustomerPattern = (typeof CustomerPattern)[keyof typeof CustomerPattern];
