import 'reflect-metadata';
import { runUntilSignalled } from '@crm/service-kit';
import { loadCustomersConfig } from './customers.config';
import { startCustomersService } from './customers.service';

void runUntilSignalled(() => startCustomersService(loadCustomersConfig()), 'customers');
