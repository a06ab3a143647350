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
    gate.release(100);
    expect(fate.get('b')).toBe('admitted');
    expect(fate.has('c')).toBe(false);
    gate.release(100);
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
    gate.release(100);
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
    gate.release(100);
    expect(fate.get('b')).toBe('queue_wait');
  });
});

describe('createAdmissionGate: the adaptive limit', () => {
  /** Fills the gate with requests that each run `serviceMs`, one window long, with one more waiting. */
  function window(g: ReturnType<typeof setup>, serviceMs: number) {
    const n = g.gate.limit();
    for (let i = 0; i < n + 1; i++) g.enter(`r${Math.random()}`);
    g.advance(1_000);
    for (let i = 0; i < n; i++) g.gate.release(serviceMs);
    // The waiter admitted last ends too, so the next window starts empty.
    g.gate.sweep();
    while (g.gate.inFlight()) g.gate.release(serviceMs);
  }

  it('cuts the limit while requests run longer than the bound, never below the floor', () => {
    const g = setup(32);
    window(g, 2_000);
    expect(g.gate.limit()).toBe(22);
    for (let i = 0; i < 20; i++) window(g, 2_000);
    expect(g.gate.limit()).toBe(4);
  });

  it('raises it again, up to maxInFlight, while requests wait but run fast', () => {
    const g = setup(32);
    for (let i = 0; i < 20; i++) window(g, 2_000);
    // A window is judged on the requests that ended in it: the first fast one still holds slow ones.
    window(g, 100);
    window(g, 100);
    expect(g.gate.limit()).toBe(5);
    for (let i = 0; i < 30; i++) window(g, 100);
    expect(g.gate.limit()).toBe(32);
  });

  it('keeps it while nothing waits', () => {
    const g = setup(32);
    for (let i = 0; i < 20; i++) window(g, 2_000);
    g.enter('alone');
    g.advance(1_000);
    g.gate.release(100);
    expect(g.gate.limit()).toBe(4);
  });
});
