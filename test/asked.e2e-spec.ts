import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import { ADMIN, auth, startTestApp, type TestApp } from './support/app';

/** A knowledge folder of two entries, without questions asked of them yet. */
function knowledgeFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'knowledge-'));
  const entries = [
    {
      id: 'yumen-brand',
      question: '玉门打造的民主党派宣传品牌叫什么？',
      similar: ['玉门宣传品牌'],
      answer: '玉门市创新打造了“同心讲吧”宣传品牌。',
      tags: ['玉门'],
      source: { file: 'yumen.txt', quote: '创新打造了“同心讲吧”宣传品牌' },
    },
    {
      id: 'xiangyang-bases',
      question: '襄阳建立了多少个统战实践创新基地？',
      similar: ['襄阳基地数量'],
      answer: '襄阳建立各领域统战实践创新基地165个。',
      tags: ['襄阳'],
      source: { file: 'xiangyang.txt', quote: '建立各领域统战实践创新基地165个' },
    },
  ];
  writeFileSync(path.join(dir, 'entries.yaml'), YAML.stringify(entries));
  return dir;
}

describe('questions members asked (knowledge/asked)', () => {
  let t: TestApp;
  let dir: string;
  const question = '玉门那个名字像小酒吧的牌子叫啥';

  beforeAll(async () => {
    dir = knowledgeFolder();
    t = await startTestApp({ KNOWLEDGE_DIR: dir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = (text: string) => request(t.url).post('/api/qa/ask').send({ text }).expect(200);
  const reload = () => request(t.url).post('/api/knowledge/reload').set(auth(ADMIN));

  it('answers in a member\'s words once a reload has read the questions asked in them', async () => {
    expect((await ask(question)).body.answered).toBe(false);

    mkdirSync(path.join(dir, 'asked'));
    writeFileSync(
      path.join(dir, 'asked', 'members.yaml'),
      YAML.stringify([{ entry: 'yumen-brand', text: '玉门那个名字像小酒吧的品牌叫啥', fact: '创新打造了“同心讲吧”宣传品牌' }]),
    );
    await reload().expect(200);
    expect((await ask(question)).body).toMatchObject({ answered: true, entryId: 'yumen-brand' });
  });

  it('only suggests an entry for a question like one it is known not to answer', async () => {
    const near = '襄阳光宗教领域就建了多少个统战实践创新基地？';
    expect((await ask(near)).body).toMatchObject({ answered: true, entryId: 'xiangyang-bases' });
    writeFileSync(
      path.join(dir, 'asked', 'near.yaml'),
      YAML.stringify([{ entry: 'xiangyang-bases', text: '襄阳光宗教领域就建了多少个统战实践创新基地', answers: false, changed: 'detail: 只有各领域合计，没有宗教领域的数字' }]),
    );
    await reload().expect(200);
    const suggested = (await ask(near)).body;
    expect(suggested).toMatchObject({ answered: false, suggestions: [{ entryId: 'xiangyang-bases' }] });
    expect((await ask('襄阳建立了多少个统战实践创新基地？')).body).toMatchObject({ answered: true, entryId: 'xiangyang-bases' });
    rmSync(path.join(dir, 'asked', 'near.yaml'));
    await reload().expect(200);
  });

  it('lets an organiser mark a question the entry does not answer, and keeps it across a reload', async () => {
    const near = '襄阳光宗教领域就建了多少个统战实践创新基地？';
    expect((await ask(near)).body).toMatchObject({ answered: true, entryId: 'xiangyang-bases' });
    const patch = (body: object) => request(t.url).patch('/api/knowledge/xiangyang-bases').set(auth(ADMIN)).send(body);

    const contradiction = await patch({ notAnswered: ['襄阳基地数量'] }).expect(400);
    expect(contradiction.body).toMatchObject({ field: 'notAnswered' });
    expect(contradiction.body.message).toContain('襄阳基地数量');

    const marked = await patch({ notAnswered: ['襄阳光宗教领域就建了多少个统战实践创新基地'] }).expect(200);
    // What the change leaves out stays as it was.
    expect(marked.body).toMatchObject({ similar: ['襄阳基地数量'], tags: ['襄阳'], answer: '襄阳建立各领域统战实践创新基地165个。' });
    expect((await ask(near)).body).toMatchObject({ answered: false, suggestions: [{ entryId: 'xiangyang-bases' }] });
    expect((await ask('襄阳建立了多少个统战实践创新基地？')).body).toMatchObject({ answered: true, entryId: 'xiangyang-bases' });
    await reload().expect(200);
    expect((await ask(near)).body).toMatchObject({ answered: false });
    const entry = await request(t.url).get('/api/knowledge/xiangyang-bases').set(auth(ADMIN)).expect(200);
    expect(entry.body.notAnswered).toEqual(['襄阳光宗教领域就建了多少个统战实践创新基地']);
    const exported = YAML.parse((await request(t.url).get('/api/knowledge/export?format=yaml').set(auth(ADMIN)).expect(200)).text);
    expect(exported.find((e: { id: string }) => e.id === 'xiangyang-bases')).toMatchObject({ notAnswered: ['襄阳光宗教领域就建了多少个统战实践创新基地'] });

    // Resolved from the unanswered log as a similar question, it is answered again.
    const log = await request(t.url).get('/api/knowledge/unanswered').set(auth(ADMIN)).expect(200);
    const logged = log.body.find((item: { text: string }) => item.text === near);
    await request(t.url).post(`/api/knowledge/unanswered/${logged.id}/resolve`).set(auth(ADMIN)).send({ entryId: 'xiangyang-bases' }).expect(201);
    expect((await request(t.url).get('/api/knowledge/xiangyang-bases').set(auth(ADMIN))).body.notAnswered).toEqual([]);
    expect((await ask(near)).body).toMatchObject({ answered: true, entryId: 'xiangyang-bases' });
    await patch({ similar: ['襄阳基地数量'] }).expect(200);
  });

  it('refuses a reload whose asked questions cannot be read, saying why, and keeps what it had', async () => {
    writeFileSync(path.join(dir, 'asked', 'broken.yaml'), YAML.stringify([{ entry: 'Yumen Brand', text: '讲吧' }]));
    const refused = await reload().expect(500);
    expect(refused.body.message).toContain('知识库文件有误，未重新加载');
    expect(refused.body.message).toContain('asked/broken.yaml: question 1: entry');
    expect((await ask(question)).body).toMatchObject({ answered: true, entryId: 'yumen-brand' });
    rmSync(path.join(dir, 'asked', 'broken.yaml'));
  });
});
