import { describe, expect, it } from 'vitest';
import { CHECKOUT_TIMEOUT_MESSAGE, CheckoutQueue, inRequestStartedAt } from './checkout-order.ts';

/** Enters the queue as part of a request that started at `at`, recording the order in which callers get in. */
function enterAs(queue: CheckoutQueue, at: number, name: string, order: string[]) {
  return inRequestStartedAt(at, () => queue.enter()).then(() => {
    order.push(name);
  });
}

describe('CheckoutQueue', () => {
  it('lets callers in at once while places are free', async () => {
    const queue = new CheckoutQueue(2);
    await queue.enter();
    await queue.enter();
    expect(queue.waiting).toBe(0);
    const third = queue.enter();
    expect(queue.waiting).toBe(1);
    queue.leave();
    await third;
    expect(queue.waiting).toBe(0);
  });

  it('serves the oldest request first, whatever the order of asking', async () => {
    const queue = new CheckoutQueue(1);
    await queue.enter();
    const order: string[] = [];
    const done = [
      enterAs(queue, 300, 'newest', order),
      enterAs(queue, 100, 'oldest', order),
      enterAs(queue, 200, 'middle', order),
      enterAs(queue, 100, 'oldest, asked later', order),
    ];
    for (const _ of done) {
      queue.leave();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(done);
    expect(order).toEqual(['oldest', 'oldest, asked later', 'middle', 'newest']);
  });

  it('frees a place when nobody waits, so a later caller gets in at once', async () => {
    const queue = new CheckoutQueue(1);
    await queue.enter();
    queue.leave();
    await queue.enter();
    expect(queue.waiting).toBe(0);
  });

  it("rejects a wait that runs out with pg's message and forgets the waiter", async () => {
    const queue = new CheckoutQueue(1, 20);
    await queue.enter();
    await expect(queue.enter()).rejects.toThrow(CHECKOUT_TIMEOUT_MESSAGE);
    expect(queue.waiting).toBe(0);
    // The place is still held by the first caller: giving it back lets the next caller straight in.
    queue.leave();
    await queue.enter();
  });
});
