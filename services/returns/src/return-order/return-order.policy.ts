import type { AcceptedLineInput, ReceiveLineInput, ReturnStatus } from '@crm/contracts';
import type { FieldError } from '@crm/errors';
import { ReturnsException } from '../common/returns.exception';
import { lineAmountFen, sumFen } from '../common/returns.policy';
import type { BookedAmount } from '../voucher/voucher.policy';
import type { ReturnLineRecord, ReturnOrder } from './return-order.entity';

/** RET-1: a line is identified by its SKU within the order (receipts and resolutions name it). */
export function duplicateSkus(lines: readonly { sku: string }[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const line of lines) (seen.has(line.sku) ? duplicates : seen).add(line.sku);
  return [...duplicates];
}

/** RET-3: what the order is worth — approved quantity × unit price per line, summed. */
export function orderValueFen(lines: readonly Pick<ReturnLineRecord, 'approvedQuantity' | 'unitPriceFen'>[]): number {
  return sumFen(lines.map((line) => lineAmountFen(line.approvedQuantity, line.unitPriceFen)));
}

/**
 * RET-5: the quantity a line is booked at — the accepted one after a discrepancy was resolved, else
 * the received one. Never the requested/approved quantity.
 */
export const bookedQuantity = (line: ReturnLineRecord): number => line.acceptedQuantity ?? line.receivedQuantity;

/** RET-4/RET-5: each line's amount from received (or accepted) quantities, half-up per line. */
export function lineAmountsFen(lines: readonly ReturnLineRecord[]): number[] {
  return lines.map((line) => lineAmountFen(bookedQuantity(line), line.unitPriceFen));
}

export function refundedFen(lines: readonly ReturnLineRecord[]): number {
  return sumFen(lineAmountsFen(lines));
}

/** RET-5: the voucher's debit lines, one per return line. */
export function bookedAmounts(order: ReturnOrder): BookedAmount[] {
  return order.lines.map((line) => ({
    memo: `${line.sku} × ${bookedQuantity(line)}`,
    amountFen: lineAmountFen(bookedQuantity(line), line.unitPriceFen),
  }));
}

/** The order's workflow: requested → approved → received → reconciled | discrepancy → reconciled. */
export function assertStatus(order: ReturnOrder, rule: string, step: string, allowed: readonly ReturnStatus[]): void {
  if (!allowed.includes(order.status)) {
    throw ReturnsException.wrongStep(rule, `return order ${order.number} is ${order.status}; ${step} needs ${allowed.join(' or ')}`);
  }
}

/** Lines named by SKU must be the order's and each named once. */
function checkNamedLines(order: ReturnOrder, rule: string, named: readonly { sku: string }[], requireAll: boolean): void {
  const known = new Set(order.lines.map((line) => line.sku));
  const errors: FieldError[] = [];
  named.forEach((line, index) => {
    if (!known.has(line.sku))
      errors.push({ field: `lines[${index}].sku`, message: `${rule}: ${line.sku} is not a line of ${order.number}` });
  });
  for (const sku of duplicateSkus(named)) errors.push({ field: 'lines', message: `${rule}: ${sku} is named more than once` });
  if (requireAll) {
    const given = new Set(named.map((line) => line.sku));
    for (const sku of known)
      if (!given.has(sku)) errors.push({ field: 'lines', message: `${rule}: every line needs its quantity; ${sku} is missing` });
  }
  if (!named.length) errors.push({ field: 'lines', message: `${rule}: at least one line` });
  if (errors.length) throw ReturnsException.rule(rule, errors.map((error) => error.message).join('; '), errors);
}

/**
 * RET-4: the warehouse records what it received per line and signs. Partial receipts are allowed:
 * another receipt adds to what was received, until finance reconciles.
 */
export function applyReceipt(order: ReturnOrder, lines: readonly ReceiveLineInput[]): void {
  assertStatus(order, 'RET-4', 'a warehouse receipt', ['approved', 'received']);
  checkNamedLines(order, 'RET-4', lines, false);
  const received = new Map(lines.map((line) => [line.sku, line.receivedQuantity]));
  order.lines = order.lines.map((line) => ({ ...line, receivedQuantity: line.receivedQuantity + (received.get(line.sku) ?? 0) }));
  order.status = 'received';
}

/** RET-5: the lines whose received quantity differs from the approved one. */
export function discrepantLines(order: ReturnOrder): ReturnLineRecord[] {
  return order.lines.filter((line) => line.receivedQuantity !== line.approvedQuantity);
}

/**
 * RET-5: finance accepts a quantity per line with a note; it can accept at most what was received
 * (a refund is never computed from more than arrived).
 */
export function applyResolution(order: ReturnOrder, lines: readonly AcceptedLineInput[], note: string): void {
  assertStatus(order, 'RET-5', 'resolving a discrepancy', ['discrepancy']);
  if (!note.trim())
    throw ReturnsException.rule('RET-5', 'a discrepancy is resolved with a note', [
      { field: 'note', message: 'RET-5: a note is required' },
    ]);
  checkNamedLines(order, 'RET-5', lines, true);
  const accepted = new Map(lines.map((line) => [line.sku, line.acceptedQuantity]));
  const errors: FieldError[] = [];
  order.lines.forEach((line) => {
    const quantity = accepted.get(line.sku) ?? 0;
    if (quantity > line.receivedQuantity) {
      errors.push({
        field: 'lines',
        message: `RET-5: ${line.sku}: accepted ${quantity} is more than the ${line.receivedQuantity} received`,
      });
    }
  });
  if (errors.length) throw ReturnsException.rule('RET-5', errors.map((error) => error.message).join('; '), errors);
  order.lines = order.lines.map((line) => ({ ...line, acceptedQuantity: accepted.get(line.sku) ?? 0 }));
  order.resolutionNote = note;
}
