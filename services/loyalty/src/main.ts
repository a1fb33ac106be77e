import 'reflect-metadata';
import { runUntilSignalled } from '@crm/service-kit';
import { loadLoyaltyConfig } from './loyalty.config';
import { startLoyaltyService } from './loyalty.service';

void runUntilSignalled(() => startLoyaltyService(loadLoyaltyConfig()), 'loyalty');
