import { Module } from '@nestjs/common';
import { RequestContextInterceptor } from './request-context.interceptor';

@Module({ providers: [RequestContextInterceptor], exports: [RequestContextInterceptor] })
export class HttpModule {}
