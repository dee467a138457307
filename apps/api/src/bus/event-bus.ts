import { Injectable } from '@nestjs/common';
import type { StoredEvent } from '@vigie/protocol';
import { Subject, type Observable } from 'rxjs';

/** Events of one site, published once committed, in commit order. */
export interface CommittedBatch {
  site: string;
  events: StoredEvent[];
}

/**
 * Carries committed events from ingest to the live engine. In-process by default; with `REDIS_URL` the
 * same interface is served over Redis so another instance can own a site's engine (docs/architecture.md).
 */
@Injectable()
export class EventBus {
  private readonly committed = new Subject<CommittedBatch>();
  readonly committed$: Observable<CommittedBatch> = this.committed.asObservable();

  publish(batch: CommittedBatch): void {
    if (batch.events.length > 0) {
      this.committed.next(batch);
    }
  }
}
