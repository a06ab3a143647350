import { describe, expect, it } from 'vitest';
import { createAdmissionGate } from './admission-gate.ts';

/** A gate on a clock the test moves, recording what became of each request by name. */
function setup(maxInFlight: number, maxWaitMs = 1000) {
  let t = 0;
  const gate = createAdmissionGate({ maxInFlight, maxWaitMs, now: () => t });
  const fate = new Map<string, string>();
  const enter = (name: string, waitedMs = 0) =>
    gate.enter(
      waitedMs,
      () => fate.set(name, 'admitted'),
      (reason) => fate.set(name, reason),
    );
  return { gate, fate, enter, advance: (ms: number) => (t += ms) };
}

describe('createAdmissionGate', () => {
  it('admits up to maxInFlight at once and queues the rest', () => {
    const { gate, fate, enter } = setup(2);
    enter('a');
    enter('b');
    enter('c');
    expect([...fate]).toEqual([
      ['a', 'admitted'],
      ['b', 'admitted'],
    ]);
    expect(gate.inFlight()).toBe(2);
    expect(gate.waiting()).toBe(1);
  });

  it('gives a freed slot to the oldest waiter still in time', () => {
    const { gate, fate, enter, advance } = setup(1);
    enter('a');
    enter('b');
    enter('c');
    advance(500);
    gate.release();
    expect(fate.get('b')).toBe('admitted');
    expect(fate.has('c')).toBe(false);
    gate.release();
    expect(fate.get('c')).toBe('admitted');
    expect(gate.inFlight()).toBe(1);
  });

  it('refuses a waiter whose time is up when a slot frees, and admits the next', () => {
    const { gate, fate, enter, advance } = setup(1);
    enter('a');
    enter('b');
    advance(900);
    enter('c');
    advance(200);
    gate.release();
    expect(fate.get('b')).toBe('queue_wait');
    expect(fate.get('c')).toBe('admitted');
  });

  it('sweeps waiters whose time is up, whatever their place in the queue', () => {
    const { gate, fate, enter, advance } = setup(1);
    enter('a');
    enter('b');
    enter('c', 800);
    advance(300);
    gate.sweep();
    expect(fate.get('c')).toBe('queue_wait');
    expect(fate.has('b')).toBe(false);
    advance(800);
    gate.sweep();
    expect(fate.get('b')).toBe('queue_wait');
    expect(gate.waiting()).toBe(0);
  });

  it('refuses at once a request that waited past the bound before it arrived (a busy event loop), even with free slots', () => {
    const { gate, fate, enter } = setup(10);
    enter('late', 1001);
    enter('in-time', 999);
    expect(fate.get('late')).toBe('loop_lag');
    expect(fate.get('in-time')).toBe('admitted');
    expect(gate.inFlight()).toBe(1);
  });

  it('counts the wait before arrival against the bound while queued', () => {
    const { gate, fate, enter, advance } = setup(1);
    enter('a');
    enter('b', 600);
    advance(500);
    gate.release();
    expect(fate.get('b')).toBe('queue_wait');
  });
});
