import { Global, Module } from '@nestjs/common';
import { DomainClient } from './domain.client';

@Global()
@Module({ providers: [DomainClient], exports: [DomainClient] })
export class RpcModule {}
