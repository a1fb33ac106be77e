import { Module } from '@nestjs/common';
import { EventFeedController } from './event-feed.controller';
import { EventFeedRecorder } from './event-feed.recorder';

/** RET-7: the suite-wide event feed (recorder + `GET /events`). */
@Module({ controllers: [EventFeedController], providers: [EventFeedRecorder] })
export class EventFeedModule {}
