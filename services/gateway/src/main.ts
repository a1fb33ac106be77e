import 'reflect-metadata';
import { runUntilSignalled } from '@crm/service-kit';
import { loadGatewayConfig } from './gateway.config';
import { startGateway } from './gateway';

// Configuration is read inside boot, so a bad variable ends start-up with its name (OPS-2).
void runUntilSignalled(() => startGateway(loadGatewayConfig()), 'gateway');
