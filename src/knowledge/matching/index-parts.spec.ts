import { type IndexableEntry, KnowledgeIndex } from '.';

const cities = ['德阳', '泸州', '玉门', '襄阳', '新乡', '哈尔滨', '成都', '杭州'];
const topics = ['项目经费', '联谊组织', '实践创新基地', '民主党派成员', '培训班', '知识测试'];

/** Enough entries for the build to pause inside its per-entry steps, not only between them. */
const entries: IndexableEntry[] = cities.flatMap((city, c) =>
  topics.flatMap((topic, t) =>
    [2021, 2022, 2023].map((year) => ({
      id: `${city}-${t}-${year}`,
      question: `${year}年${city}的${topic}有多少?`,
      similar: [`${city}${topic}数量`, `${city}${year}年${topic}多少`],
      answer: `${year}年${city}${topic}共${(c + 1) * (t + 2) * (year - 2019)}个。`,
      tags: [city, topic],
    })),
  ),
);

const questions = ['2022年泸州的联谊组织有多少', '哈尔滨培训班数量', '成都2023年实践创新基地多少个', '今天天气怎么样'];

describe('KnowledgeIndex.build', () => {
  it('builds the same index as the constructor', async () => {
    const atOnce = new KnowledgeIndex(entries);
    const inSteps = await KnowledgeIndex.build(entries);
    expect(inSteps.size).toBe(entries.length);
    for (const text of questions) expect(inSteps.explain(text, 5)).toEqual(atOnce.explain(text, 5));
  });

  it('pauses between its steps, inside the reading of the entries too', async () => {
    let pauses = 0;
    await KnowledgeIndex.build(entries, async () => {
      pauses++;
    });
    const few = await (async () => {
      let n = 0;
      await KnowledgeIndex.build(entries.slice(0, 3), async () => {
        n++;
      });
      return n;
    })();
    expect(few).toBeGreaterThan(1);
    expect(pauses).toBeGreaterThan(few);
  });

  it('lets waiting work run before it is done', async () => {
    let served = false;
    setImmediate(() => {
      served = true;
    });
    const built = KnowledgeIndex.build(entries).then(() => served);
    expect(await built).toBe(true);
  });
});
