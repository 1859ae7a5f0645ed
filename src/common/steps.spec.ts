import { atOnce, inSteps, type Steps } from './steps';

function* counting(to: number, seen: number[]): Steps<number> {
  let sum = 0;
  for (let i = 1; i <= to; i++) {
    seen.push(i);
    sum += i;
    yield;
  }
  return sum;
}

describe('work in steps', () => {
  it('gives the same result at once and in steps', async () => {
    expect(atOnce(counting(4, []))).toBe(10);
    expect(await inSteps(counting(4, []))).toBe(10);
  });

  it('pauses at each step, so that waiting work runs between them', async () => {
    const seen: number[] = [];
    const waiting = new Promise<number>((resolve) => setImmediate(() => resolve(seen.length)));
    const done = inSteps(counting(5, seen));
    // The work queued before the first pause ran after one step, not after all of them.
    expect(await waiting).toBe(1);
    expect(await done).toBe(15);
  });

  it('passes on what a step throws', async () => {
    function* failing(): Steps<number> {
      yield;
      throw new Error('unreadable');
    }
    await expect(inSteps(failing())).rejects.toThrow('unreadable');
  });
});
