import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Caller, ReturnOperations, type VoucherIdPayload, type VoucherView } from '@crm/contracts';
import { ReturnsException, ReturnsExceptionCode } from '../common/returns.exception';
import { requireRole } from '../common/returns.policy';
import { Voucher } from './voucher.entity';
import { toVoucherView } from './voucher.view';

/** `GET /vouchers/{id}` (RET-5, finance). */
@Injectable()
export class ReadVoucherHandler {
  async get(manager: EntityManager, caller: Caller, input: VoucherIdPayload): Promise<VoucherView> {
    requireRole(caller, ReturnOperations.getVoucher);
    const voucher = await manager.findOne(Voucher, { where: { id: input.id } });
    if (!voucher) throw ReturnsException.notFound(ReturnsExceptionCode.VoucherNotFound, 'Voucher', input.id);
    return toVoucherView(voucher);
  }
}
