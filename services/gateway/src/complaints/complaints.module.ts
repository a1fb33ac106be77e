import { Module } from '@nestjs/common';
import { ComplaintsController } from './complaints.controller';

/** API.md "Complaints" routes. */
@Module({ controllers: [ComplaintsController] })
export class ComplaintsModule {}
