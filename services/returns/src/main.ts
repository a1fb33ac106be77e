import 'reflect-metadata';
import { runUntilSignalled } from '@crm/service-kit';
import { loadReturnsConfig } from './returns.config';
import { startReturnsService } from './returns.service';

void runUntilSignalled(() => startReturnsService(loadReturnsConfig()), 'returns');
