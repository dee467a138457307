import { eventTime, type VigieEvent } from '@vigie/protocol';
import { simulate, type SimulationOptions } from './simulate.js';

/** Paces a simulated floor on a clock: each call returns the events now due, each event exactly once. */
export class LiveSimulation {
  private readonly events: VigieEvent[];
  private next = 0;

  constructor(opts: SimulationOptions) {
    this.events = simulate(opts);
  }

  takeDue(nowMs: number): VigieEvent[] {
    const start = this.next;
    while (this.next < this.events.length && eventTime(this.events[this.next]!) <= nowMs) {
      this.next += 1;
    }
    return this.events.slice(start, this.next);
  }

  get done(): boolean {
    return this.next >= this.events.length;
  }
}
