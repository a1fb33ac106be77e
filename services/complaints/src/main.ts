import 'reflect-metadata';
import { runUntilSignalled } from '@crm/service-kit';
import { loadComplaintsConfig } from './complaints.config';
import { startComplaintsService } from './complaints.service';

void runUntilSignalled(() => startComplaintsService(loadComplaintsConfig()), 'complaints');
