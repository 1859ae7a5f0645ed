import { GroupCommit } from './group-commit';

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

describe('GroupCommit', () => {
  it('answers each caller with its own result after the batch is written', async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit<number, number>(async (items) => {
      batches.push(items);
      return items.map((i) => i * 10);
    });
    await expect(Promise.all([1, 2, 3].map((i) => commit.submit(i)))).resolves.toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers items arriving while the writes are busy into the next batch', async () => {
    const gate = deferred();
    const batches: number[][] = [];
    const commit = new GroupCommit<number, number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate.promise;
        return items;
      },
      { maxBatch: 100, maxConcurrent: 1 },
    );
    const first = commit.submit(1);
    await new Promise((r) => setImmediate(r));
    const later = [2, 3, 4].map((i) => commit.submit(i));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1]]);
    gate.release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('does not answer before the write finished, and fails every caller of a failed batch', async () => {
    const gate = deferred();
    const commit = new GroupCommit<number, number>(async () => {
      await gate.promise;
      throw new Error('disk full');
    });
    let settled = false;
    const results = [commit.submit(1), commit.submit(2)].map((p) => p.finally(() => (settled = true)));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    gate.release();
    await expect(results[0]).rejects.toThrow('disk full');
    await expect(results[1]).rejects.toThrow('disk full');
  });

  it('splits at maxBatch and settles once all writes are done', async () => {
    const sizes: number[] = [];
    const commit = new GroupCommit<number, number>(async (items) => {
      sizes.push(items.length);
      return items;
    }, { maxBatch: 2, maxConcurrent: 4 });
    const all = [1, 2, 3, 4, 5].map((i) => commit.submit(i));
    await commit.settle();
    await Promise.all(all);
    expect(sizes).toEqual([2, 2, 1]);
  });
});
