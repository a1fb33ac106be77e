import { decodeCursor } from '@crm/persistence';
import { CustomerException, CustomerExceptionCode } from '../archive/customer.exception';
import { pageLimit } from '../common/page-limit';

/** API.md "Lists": the page size and the `seq` after which to continue (400 for bad ones). */
export function seqPage(input: { limit?: number; cursor?: string }): { limit: number; after: string | undefined } {
  const limit = pageLimit(input.limit);
  if (limit === null) throw CustomerException.invalid(undefined, [{ field: 'limit', message: 'limit must be between 1 and 200' }]);
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
  if (after === null) throw new CustomerException(CustomerExceptionCode.InvalidCursor, 'The cursor is not valid for this list');
  return { limit, after };
}
