import { decide, DEFAULT_THRESHOLDS, type IndexableEntry, KnowledgeIndex } from '.';
import { AMBIGUITY_MARGIN, answeredIds } from './decide';
import { laterSentences } from './asking';

const entries: IndexableEntry[] = [
  {
    id: 'deyang-funding',
    question: '2023年德阳市委统战部为每个民主党派争取的项目经费增加到了多少?',
    similar: ['德阳每个党派的项目经费现在多少钱', '德阳民主党派项目经费一共增加了多少'],
    answer: '2023年德阳市委统战部为每个党派争取到项目经费增加至20万元,总计增加60.06万元。',
    tags: ['德阳', '经费保障'],
  },
  {
    id: 'luzhou-friendship-organisations',
    question: '泸州全市有多少个统战联谊组织?',
    similar: ['泸州统战联谊组织数量', '泸州联谊组织多少个'],
    answer: '泸州全市有统战联谊组织200余个。',
    tags: ['泸州', '联谊组织'],
  },
  {
    id: 'deyang-4321',
    question: '2023年德阳统一战线持续深化的是什么工作法?',
    similar: ['德阳统战说的“4321工作法”是啥', '德阳统战工作法叫什么'],
    answer: '德阳统一战线持续深化“4321工作法”。',
    tags: ['德阳', '工作思路'],
  },
  {
    id: 'luzhou-4321',
    question: '泸州统战“4321工作法”指什么?',
    similar: ['泸州4321工作法', '四心定位三线标准是哪个市的'],
    answer: '“4”即“四心”定位;“3”即“三线”工作标准;“2”即“两个贯彻落实”;“1”即“一个抓手”。',
    tags: ['泸州', '4321工作法'],
  },
  {
    id: 'deyang-provincial-award',
    question: '德阳对新创建的四川省级实践创新基地每个奖励多少钱?',
    similar: ['德阳评上省级实践创新基地奖多少', '德阳省级基地奖励3万元吗'],
    answer: '德阳对新创建的四川省级实践创新基地,每个基地奖励3万元。',
    tags: ['德阳', '实践创新基地'],
  },
  {
    id: 'deyang-national-award',
    question: '德阳对新创建的国家级实践创新基地每个奖励多少钱?',
    similar: ['德阳评上国家级实践创新基地奖多少', '德阳国家级基地奖励6万元吗'],
    answer: '德阳对新创建的国家级实践创新基地,每个基地奖励6万元。',
    tags: ['德阳', '实践创新基地'],
  },
  {
    id: 'yumen-member-total',
    question: '玉门市共有多少名民主党派成员?',
    similar: ['玉门民主党派成员总数', '玉门全市民主党派有多少人'],
    answer: '玉门市共有民主党派成员126名。',
    tags: ['玉门', '民主党派成员'],
  },
  {
    id: 'xiaoying-santong',
    question: '杭州上城区小营街道推进基层统战工作的“三同三化”是什么意思?',
    similar: ['三同三化啥意思', '小营街道三同三化指的是什么'],
    answer: '“三同三化”即同心凝共识、同向谋发展、同行促长效,推进阵地化、平台化、品牌化。',
    tags: ['杭州', '小营街道', '三同三化'],
    threshold: 0.99,
  },
];

const index = new KnowledgeIndex(entries);
const best = (text: string) => index.match(text, 3)[0];
/** The entity and question-type agreement of the best candidate in `knowledge` for `text`. */
const agreementIn = (knowledge: KnowledgeIndex) => (text: string) => knowledge.explain(text, 1)[0].agreement;

describe('KnowledgeIndex', () => {
  it('indexes every entry', () => {
    expect(index.size).toBe(entries.length);
  });

  it('finds an entry from a paraphrase', () => {
    expect(best('德阳那边每个党派的项目经费涨到多少了')?.id).toBe('deyang-funding');
    expect(best('玉门一共有多少民主党派成员啊')?.id).toBe('yumen-member-total');
  });

  it('returns scores in [0, 1], best first, one per entry', () => {
    const matches = index.match('德阳实践创新基地奖励多少钱', 5);
    expect(matches.length).toBeGreaterThan(1);
    for (const m of matches) expect(m.score).toBeGreaterThanOrEqual(0);
    for (const m of matches) expect(m.score).toBeLessThanOrEqual(1);
    expect([...matches].sort((a, b) => b.score - a.score)).toEqual(matches);
    expect(new Set(matches.map((m) => m.id)).size).toBe(matches.length);
  });

  it('does not give one city the answer of another', () => {
    expect(best('泸州的4321工作法是什么')?.id).toBe('luzhou-4321');
    expect(best('德阳的4321工作法是什么')?.id).toBe('deyang-4321');
    const luzhouFunding = decide(index, '泸州每个党派的项目经费是多少', DEFAULT_THRESHOLDS);
    expect(luzhouFunding.kind === 'answer' && luzhouFunding.entryId === 'deyang-funding').toBe(false);
  });

  it('does not answer about a place the entries do not cover', () => {
    for (const text of ['十堰有多少民主党派成员', '酒泉市共有多少名民主党派成员']) {
      expect(decide(index, text, DEFAULT_THRESHOLDS).kind).not.toBe('answer');
    }
    // A place that only locates the one asked about does not count against the entry.
    expect(decide(index, '甘肃玉门市共有多少名民主党派成员', DEFAULT_THRESHOLDS)).toMatchObject({
      kind: 'answer',
      entryId: 'yumen-member-total',
    });
  });

  it('does not give a county the answer of the city it lies in', () => {
    expect(decide(index, '绵竹市每个民主党派的项目经费增加到了多少', DEFAULT_THRESHOLDS).kind).not.toBe('answer');
    expect(decide(index, '德阳市每个民主党派的项目经费增加到了多少', DEFAULT_THRESHOLDS)).toMatchObject({
      kind: 'answer',
      entryId: 'deyang-funding',
    });
  });

  it('does not answer a question about a detail no entry writes of', () => {
    for (const text of ['玉门市民主党派成员的平均年纪', '玉门市民主党派成员平均多大年纪']) {
      expect(decide(index, text, DEFAULT_THRESHOLDS).kind).not.toBe('answer');
    }
    // A mistyped word is not a new detail: 名子 sounds like the knowledge's 名字.
    const named = new KnowledgeIndex([
      ...entries,
      { id: 'xiangyang-think-tank', question: '襄阳党外人士智囊团叫什么名字?', similar: [], answer: '襄阳党外人士智囊团名为“同心智库”。', tags: ['襄阳'] },
    ]);
    expect(decide(named, '襄阳党外人士智囊团叫什么名子', DEFAULT_THRESHOLDS)).toMatchObject({
      kind: 'answer',
      entryId: 'xiangyang-think-tank',
    });
  });

  it('reads a question asked after sentences of context', () => {
    expect(laterSentences('我们单位在整理材料。想参考一下。玉门共有多少名民主党派成员?')).toEqual([
      '想参考一下。玉门共有多少名民主党派成员',
      '玉门共有多少名民主党派成员',
    ]);
    expect(laterSentences('玉门共有多少名民主党派成员?')).toEqual([]);
    const long = '我们单位最近在整理各地统战工作的材料，准备下个月开会交流经验。玉门全市民主党派有多少人?';
    expect(decide(index, long, DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', entryId: 'yumen-member-total' });
    // A place given as context still has to agree.
    const elsewhere = '我是十堰市的统战干部，最近在整理各地统战工作的材料。全市民主党派有多少人?';
    expect(decide(index, elsewhere, DEFAULT_THRESHOLDS).kind).not.toBe('answer');
    // The member's own place is theirs when the rest of the question names the fact's place, unless it points back to it.
    const visitor = '我们是张掖市甘州区统战部的，正在整理各地统战工作的材料，听说玉门那边党派发展得不错，玉门全市民主党派有多少人?';
    expect(decide(index, visitor, DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', entryId: 'yumen-member-total' });
    const ownCity = '我们是十堰市统战部的，正在整理各地统战工作的材料，听说玉门党派发展得不错，我们这边全市民主党派有多少人?';
    expect(decide(index, ownCity, DEFAULT_THRESHOLDS).kind).not.toBe('answer');
    // A place named only as context, or one no entry is about, leaves the member's own place the fact's.
    const context = '我是玉门的统战干部，酒泉那边来人问我，全市民主党派成员有多少?';
    expect(decide(index, context, DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', entryId: 'yumen-member-total' });
    // Where the member works now is not the fact's place when they say where they are from.
    const fromAfar = index.explain('我是玉门人，在兰州上班，老家民主党派成员有多少?', 1)[0];
    expect(fromAfar).toMatchObject({ id: 'yumen-member-total', agreement: 1 });
    const livingThere = '我在十堰上班，我们这边全市民主党派成员有多少?';
    expect(decide(index, livingThere, DEFAULT_THRESHOLDS).kind).not.toBe('answer');
    // Unless they point to where they are now (这边, 本市, 我们单位).
    const askingHere = index.explain('我是十堰人，在玉门工作，这边民主党派成员有多少?', 1)[0];
    expect(askingHere).toMatchObject({ id: 'yumen-member-total', agreement: 1 });
  });

  it('takes the places of a story before the question as the member\'s when it asks about a place the knowledge is about', () => {
    // A street the entries are about (小营街道) names their city: the member's own city, told first, is theirs.
    const street = index.explain('我们是宁波海曙区一个街道的，也想学着搞。小营街道的三同三化是什么意思?', 1)[0];
    expect(street).toMatchObject({ id: 'xiaoying-santong', agreement: 1 });
    // So is a city told of in a sentence before the one asking about the fact's place, when no entry names it.
    const story = index.explain('我在郑州一家公司上班，也算新的社会阶层人士吧。刷到篇文章，玉门全市民主党派有多少人?', 1)[0];
    expect(story).toMatchObject({ id: 'yumen-member-total', agreement: 1 });
    // A place an entry names still says which fact is asked (德阳的经费, 那泸州的呢).
    const other = index.explain('德阳每个党派的项目经费增加到20万元，那泸州每个党派的项目经费增加到多少?', 5).find((c) => c.id === 'deyang-funding');
    expect(other?.agreement ?? 0).toBeLessThan(1);
    // And a city asked about, no entry's, is the fact's.
    expect(decide(index, '我是玉门的，想了解一下，张掖全市民主党派有多少人?', DEFAULT_THRESHOLDS).kind).not.toBe('answer');
  });

  it('tells levels apart', () => {
    expect(best('德阳评上省级基地能奖励多少钱')?.id).toBe('deyang-provincial-award');
    expect(best('德阳评上国家级基地能奖励多少钱')?.id).toBe('deyang-national-award');
    const cityLevel = decide(index, '德阳评上市级基地能奖励多少钱', DEFAULT_THRESHOLDS);
    expect(cityLevel.kind).not.toBe('answer');
    // A central body is another body than a city's.
    const central = decide(index, '中央统战部为每个民主党派争取的项目经费增加到了多少', DEFAULT_THRESHOLDS);
    expect(central.kind).not.toBe('answer');
  });

  it('tells figures apart', () => {
    expect(best('德阳给基地奖励6万元的是哪一级')?.id).toBe('deyang-national-award');
    expect(best('德阳给基地奖励三万元的是哪一级')?.id).toBe('deyang-provincial-award');
  });

  it('matches questions written in Traditional characters', () => {
    expect(best('玉門全市有多少名民主黨派成員?')?.id).toBe('yumen-member-total');
    expect(best('瀘州統戰聯誼組織有多少個')?.id).toBe('luzhou-friendship-organisations');
  });

  it('handles questions longer than the 32 characters of a fuse.js pattern', () => {
    const long = '您好，我是基层统战干部，想请问一下，2023年的时候德阳市委统战部给每个民主党派争取到的项目经费一共增加到了多少万元？谢谢！';
    expect(Array.from(long).length).toBeGreaterThan(32);
    expect(best(long)?.id).toBe('deyang-funding');
  });

  it('works with no entries', () => {
    const empty = new KnowledgeIndex([]);
    expect(empty.size).toBe(0);
    expect(empty.match('德阳基地')).toEqual([]);
    expect(decide(empty, '德阳基地', DEFAULT_THRESHOLDS)).toEqual({ kind: 'none', score: 0, suggestions: [] });
  });

  it('finds nothing for empty or punctuation-only input', () => {
    expect(index.match('')).toEqual([]);
    expect(index.match('？？！')).toEqual([]);
  });
});

describe('decide', () => {
  it('answers a clear question', () => {
    const decision = decide(index, '玉门民主党派成员总数是多少', DEFAULT_THRESHOLDS);
    expect(decision).toMatchObject({ kind: 'answer', entryId: 'yumen-member-total' });
  });

  it('says none for out-of-scope questions', () => {
    for (const text of ['明天会下雨吗', '食堂中午几点开饭', '帮我写一首关于春天的诗']) {
      expect(decide(index, text, DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'none', suggestions: [] });
    }
  });

  it('suggests rather than answers a vague question', () => {
    const decision = decide(index, '德阳基地', DEFAULT_THRESHOLDS);
    expect(decision.kind).toBe('suggest');
    expect(decision.suggestions.length).toBeGreaterThan(0);
    expect(decision.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('honours an entry threshold above the global one', () => {
    const decision = decide(index, '小营的三同三化具体是指哪些', DEFAULT_THRESHOLDS);
    expect(decision.kind).toBe('suggest');
    expect(decision.suggestions[0]?.id).toBe('xiaoying-santong');
  });

  it('suggests rather than answers when two entries score within the ambiguity margin', () => {
    const twins = new KnowledgeIndex([
      { id: 'spring', question: '襄阳培训班春季班在哪栋楼上课?', similar: [], answer: '春季班在东楼上课。', tags: ['襄阳'] },
      { id: 'autumn', question: '襄阳培训班秋季班在哪栋楼上课?', similar: [], answer: '秋季班在西楼上课。', tags: ['襄阳'] },
    ]);
    const [best, second] = twins.match('襄阳培训班在哪栋楼上课', 2);
    expect(best.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.answer);
    expect(best.score - second.score).toBeLessThan(AMBIGUITY_MARGIN);
    const ambiguous = decide(twins, '襄阳培训班在哪栋楼上课', DEFAULT_THRESHOLDS);
    expect(ambiguous.kind).toBe('suggest');
    expect(ambiguous.suggestions.map((s) => s.id).sort()).toEqual(['autumn', 'spring']);
    expect(decide(twins, '襄阳培训班春季班在哪栋楼上课', DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', entryId: 'spring' });
  });

  it('honours an entry threshold below the global one', () => {
    const lenient = new KnowledgeIndex(
      entries.map((e) => ({ ...e, threshold: e.id === 'deyang-4321' ? 0.05 : e.threshold })),
    );
    const strictGlobal = { answer: 0.999, suggest: 0.01 };
    expect(decide(lenient, '德阳工作法', strictGlobal)).toMatchObject({ kind: 'answer', entryId: 'deyang-4321' });
    expect(decide(index, '德阳工作法', strictGlobal).kind).toBe('suggest');
  });

  it('takes a name quoted where the question asks as one the entry must write', () => {
    const brands = new KnowledgeIndex([
      { id: 'four', question: '德阳民进“四同”服务体系是哪四项服务?', similar: [], answer: '民进德阳市委打造“四同”同心服务体系。', tags: ['德阳'] },
    ]);
    const [plain] = brands.match('德阳民进的同心服务是哪几项服务', 1);
    const [quoted] = brands.match('德阳民进的“五爱同心服务”是哪几项服务', 1);
    const [context] = brands.match('听说有个“五爱同心服务”。德阳民进的同心服务是哪几项服务', 1);
    expect(quoted.score).toBeLessThan(plain.score * 0.85);
    expect(context.score).toBeGreaterThan(quoted.score);
  });

  it('takes a quoted name its source paragraph writes beside the fact as the fact\'s context', () => {
    const entry = { id: 'pattern', question: '小营街道着力实现什么样的基层统战格局?', similar: [], answer: '小营着力实现“一街一品”、“一居一特”的基层统战格局。', tags: ['小营'] };
    const question = '小营的“万花筒”效应要实现什么样的基层统战格局';
    const [without] = new KnowledgeIndex([entry]).match(question, 1);
    const [beside] = new KnowledgeIndex([{ ...entry, passage: '“万花筒”效应正加速成型。着力实现“一街一品”、“一居一特”的基层统战格局。' }]).match(question, 1);
    expect(beside.score).toBeGreaterThan(without.score * 1.1);
  });

  it('answers two sibling entries together when the question names each of them', () => {
    const siblings = new KnowledgeIndex([
      { id: 'you', question: '德阳民进“四同四有四立”中的“四有”指什么?', similar: [], answer: '“四有”指有德、有才、有能、有力。', tags: ['德阳'] },
      { id: 'li', question: '德阳民进“四同四有四立”中的“四立”指什么?', similar: [], answer: '“四立”指立言、立行、立身、立功。', tags: ['德阳'] },
      { id: 'tong', question: '德阳民进“四同四有四立”中的“四同”指什么?', similar: [], answer: '“四同”指同心、同向、同行、同进。', tags: ['德阳'] },
    ]);
    expect(siblings.namesEach('德阳民进“四有”“四立”分别指什么', ['you', 'li'])).toBe(true);
    expect(siblings.namesEach('德阳民进的四有四立是哪些', ['li', 'you'])).toBe(true);
    // The shared name holds both, and a question naming one names only that one.
    expect(siblings.namesEach('德阳民进的“四同四有四立”是什么', ['you', 'li'])).toBe(false);
    expect(siblings.namesEach('德阳民进的“四有”指什么', ['you', 'li'])).toBe(false);
    const both = decide(siblings, '德阳民进的“四有”“四立”分别指什么', DEFAULT_THRESHOLDS);
    expect(both.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.answer);
    expect(both.kind).toBe('answer');
    expect(answeredIds(both).sort()).toEqual(['li', 'you']);
    expect(answeredIds(decide(siblings, '德阳民进的“四有”指什么', DEFAULT_THRESHOLDS))).toEqual(['you']);
  });

  it('answers the parts a question quotes after their whole, not the whole\'s other parts', () => {
    const siblings = new KnowledgeIndex([
      { id: 'you', question: '德阳民进“四同四有四立”中的“四有”指什么?', similar: ['德阳民进四有'], answer: '“四有”指有德、有才、有能、有力。', tags: ['德阳'] },
      { id: 'li', question: '德阳民进“四同四有四立”中的“四立”指什么?', similar: ['德阳民进四立'], answer: '“四立”指立言、立行、立身、立功。', tags: ['德阳'] },
      { id: 'tong', question: '德阳民进“四同四有四立”品牌中的“四同”指什么?', similar: ['德阳民进四同', '四同四有四立品牌'], answer: '“四同”指同心公益活动、同善道德讲堂、同乐美育研学、同好清廉教育。', tags: ['德阳'] },
    ]);
    // The rules alone here and below: the answer model was learnt on the shipped knowledge, not on an index of a few entries.
    // The whole's name is written most often by the entry of the part not asked.
    const asked = decide(siblings, '您好，请问德阳民进市委打造的“四同四有四立”品牌中，“四有”和“四立”分别指什么？谢谢。', DEFAULT_THRESHOLDS, null);
    expect(answeredIds(asked)).not.toContain('tong');
    expect([...answeredIds(asked), ...asked.suggestions.map((s) => s.id)]).toEqual(expect.arrayContaining(['li', 'you']));
    // Unquoted: the whole, then 里的 and the part.
    expect(answeredIds(decide(siblings, '德阳民进四同四有四立里的四同 是哪四个同 整不明白', DEFAULT_THRESHOLDS, null))).toEqual(['tong']);
    // Or after a comma, asking what it is; a part asked about otherwise (四立有几条) is not singled out.
    expect(answeredIds(decide(siblings, '德阳民进那个四同四有四立，四有是哪四有来着，有德有才后面记不清了', DEFAULT_THRESHOLDS, null))).toEqual(['you']);
    expect(siblings.match('四同四有四立,那个四立具体是啥', 1)[0].id).toBe('li');
    // A part of one character, beside a whole whose entry writes every word of the question.
    const talent = new KnowledgeIndex([
      { id: 'whole', question: '泸州党外人才培养依托的“中心+会+团+室+库”是什么?', similar: ['泸州中心+会+团+室+库指的是什么'], answer: '泸州依托人才服务中心、联谊会、专家服务团、工作室、智库培养党外人才。', tags: ['泸州'] },
      { id: 'friendship', question: '泸州全市有多少个统战联谊组织?', similar: ['泸州中心会团室库里的会是什么'], answer: '泸州全市有统战联谊组织200余个。', tags: ['泸州'] },
    ]);
    expect(answeredIds(decide(talent, '泸州“中心+会+团+室+库”里面的“会”指的是什么？', DEFAULT_THRESHOLDS, null))).toEqual(['friendship']);
  });

  it('matches the wording of questions members asked of an entry, but takes no facts from them', () => {
    const brand = { id: 'brand', question: '玉门打造的民主党派宣传品牌叫什么?', similar: [], answer: '玉门创新打造了“同心讲吧”宣传品牌。', tags: ['玉门'] };
    const question = '玉门那个听着像能坐下来聊聊的小酒吧的品牌叫啥';
    const [plain] = new KnowledgeIndex([brand]).match(question, 1);
    const [taught] = new KnowledgeIndex([{ ...brand, asked: ['玉门那个名字像小酒吧一样的宣传品牌叫啥'] }]).match(question, 1);
    expect(taught.score).toBeGreaterThan(plain.score + 0.1);

    // A place an asked question names (酒泉) does not make the entry about it, as a similar question would.
    const near = '酒泉打造的民主党派宣传品牌叫什么';
    const asked = new KnowledgeIndex([{ ...brand, asked: ['酒泉玉门打造的宣传品牌叫什么'] }]).explain(near, 1)[0];
    const similar = new KnowledgeIndex([{ ...brand, similar: ['酒泉玉门打造的宣传品牌叫什么'] }]).explain(near, 1)[0];
    expect(asked.agreement).toBeLessThan(similar.agreement);

    // An asked question is read as a question asked now: in Mandarin (俺 as 我, 啥子 as 什么).
    const mandarin = new KnowledgeIndex([{ ...brand, asked: ['我想问玉门那个像小酒吧的品牌叫什么'] }]).match(question, 1)[0];
    const dialect = new KnowledgeIndex([{ ...brand, asked: ['俺想问玉门那个像小酒吧的品牌叫啥子'] }]).match(question, 1)[0];
    expect(dialect.score).toBeCloseTo(mandarin.score, 6);
  });

  it('only suggests an entry for a question more like one it is known not to answer than like its own', () => {
    const bases = { id: 'bases', question: '襄阳建立了多少个统战实践创新基地？', similar: ['襄阳基地数量'], answer: '襄阳建立各领域统战实践创新基地165个。', tags: ['襄阳'] };
    const near = '襄阳光宗教领域就建了多少个统战实践创新基地';
    const plain = new KnowledgeIndex([bases]);
    // The rules alone: the answer model was learnt on the shipped knowledge, not on an index of one entry.
    const taught = new KnowledgeIndex([{ ...bases, notAnswered: ['襄阳宗教领域建了多少个统战实践创新基地'] }]);
    expect(decide(plain, near, DEFAULT_THRESHOLDS, null)).toMatchObject({ kind: 'answer', entryId: 'bases' });
    expect(taught.match(near, 1)[0]).toMatchObject({ id: 'bases', nearMiss: true });
    expect(decide(taught, near, DEFAULT_THRESHOLDS, null)).toMatchObject({ kind: 'suggest', suggestions: [{ id: 'bases' }] });
    // A question more like its own is answered as before.
    expect(decide(taught, '襄阳一共建立了多少个统战实践创新基地', DEFAULT_THRESHOLDS, null)).toMatchObject({ kind: 'answer', entryId: 'bases' });
    // So is one sharing nothing of what sets the near miss apart (宗教 against the entry's 各领域).
    expect(taught.match('襄阳光各领域就建了多少个统战实践创新基地', 1)[0].nearMiss).toBeUndefined();
  });

  it('only suggests an entry giving the count of a whole the member states for a question of a part of it', () => {
    const sessions = { id: 'sessions', question: '红巷·同心筑一季度安排了多少场学习？', similar: ['同心筑一季度多少场学习'], answer: '红巷·同心筑一季度共安排16场学习。', tags: ['小营'] };
    const index = new KnowledgeIndex([sessions]);
    const part = '红巷·同心筑一季度16场学习里，企业家座谈占几场？';
    expect(index.match(part, 1)[0]).toMatchObject({ id: 'sessions', nearMiss: true });
    expect(decide(index, part, DEFAULT_THRESHOLDS).kind).not.toBe('answer');
    expect(decide(index, '红巷·同心筑一季度安排了几场学习？', DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', entryId: 'sessions' });
    // A count the member gets wrong is corrected by the entry, not known.
    expect(index.match('红巷·同心筑一季度20场学习里，企业家座谈占几场？', 1)[0].nearMiss).toBeUndefined();
  });

  it('lowers an entry that does not name the part of a counted whole the question asks to count', () => {
    const bases = { id: 'bases', question: '泸州累计命名了多少个实践基地？', similar: [], answer: '泸州累计命名基地13类、53个，打造特色点位100余个。', tags: ['泸州'] };
    const part = '泸州那53个实践基地里，文化类的有多少个？';
    const lacking = new KnowledgeIndex([bases]).match(part, 1)[0];
    const naming = new KnowledgeIndex([{ ...bases, answer: '泸州累计命名基地13类、53个，其中文化类基地12个。' }]).match(part, 1)[0];
    expect(lacking.score).toBeLessThan(0.75 * naming.score);
  });

  it('answers where something is held only with an entry naming a place, not a kind of place (省区市)', () => {
    const meetings = {
      id: 'meetings',
      question: '中央统战部今年召开几个片会？',
      similar: ['中央统战部今年共要开多少场片会'],
      answer: '中央统战部决定今年召开4个片会，把地理位置临近的省区市和创新试点城市召集起来。',
      tags: [],
    };
    const held = { id: 'held', question: '西部片会在哪开的？', similar: [], answer: '西部片会于5月17日在成都召开。', tags: ['成都'] };
    const taught = new KnowledgeIndex([meetings, held]);
    expect(decide(taught, '中央统战部今年剩下那几场片会分别在哪儿开', DEFAULT_THRESHOLDS).kind).not.toBe('answer');
    expect(decide(taught, '中央统战部今年要开几场片会', DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', entryId: 'meetings' });
  });

  it('reads the part of the country an entry is about from its source paragraph when the entry names none', () => {
    const meetings = { id: 'meetings', question: '中央统战部今年召开几个片会？', similar: [], answer: '中央统战部今年分四个片区召开片会。', tags: [] };
    const passage = '5月17日，中央统战部在成都召开片会（西部地区）。这是今年分四个片区召开的片会之一。';
    const question = '中央统战部东部地区的片会今年召开了几个';
    expect(decide(new KnowledgeIndex([meetings]), question, DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', entryId: 'meetings' });
    expect(decide(new KnowledgeIndex([{ ...meetings, passage }]), question, DEFAULT_THRESHOLDS).kind).not.toBe('answer');
  });

  it('answers both entries when each answers one of the question\'s two asking clauses', () => {
    const proposals = new KnowledgeIndex([
      { id: 'submitted', question: '玉门民主党派成员一年提交了多少议案建议？', similar: [], answer: '玉门民主党派成员全年提交议案、建议40余篇。', tags: ['玉门'] },
      // Its source paragraph says the 18 are of the year's proposals (全年), as the question's 一年 asks.
      { id: 'supervised', question: '玉门民主党派成员的提案有几件被列为督办提案？', similar: [], answer: '玉门民主党派成员的提案中，列为督办提案18件。', tags: ['玉门'], passage: '玉门民主党派成员全年提交议案、建议40余篇，已列为督办提案18件。' },
    ]);
    const both = decide(proposals, '玉门民主党派成员一年交了多少议案建议，有几件被列为督办了？', DEFAULT_THRESHOLDS);
    expect(both).toMatchObject({ kind: 'answer', entryId: 'submitted', also: ['supervised'] });
    // The second clause's entry explains less of the whole question; it is still asked for.
    const weaker = decide(proposals, '玉门民主党派成员一年提交了多少篇议案建议，其中多少件被列为督办？', DEFAULT_THRESHOLDS);
    expect(proposals.match('玉门民主党派成员一年提交了多少篇议案建议，其中多少件被列为督办？', 2)[1].score).toBeLessThan(DEFAULT_THRESHOLDS.answer);
    expect(weaker).toMatchObject({ kind: 'answer', entryId: 'supervised', also: ['submitted'] });
  });

  it('does not answer with the fact a question sets aside as known', () => {
    const posts = new KnowledgeIndex([
      { id: 'station', question: '玉门协助民主党派建了联络服务站和支社阵地吗？', similar: [], answer: '玉门协助民主党派建成联络服务站、九三学社支社阵地。', tags: ['玉门'] },
      { id: 'lab', question: '玉门协助民主党派建了阵地，还共享了什么？', similar: [], answer: '玉门与九三学社专家工作站共享实验室。', tags: ['玉门'] },
    ]);
    const question = '玉门协助民主党派建了不少阵地，除了联络服务站和支社阵地以外，还共享了什么？';
    expect(posts.match(question, 1)[0].id).toBe('lab');
  });

  it.each([
    [
      'a body',
      { id: 'carriers', question: '小营逐步形成了哪些统战服务载体？', similar: ['对话统战微视频'], answer: '小营逐步形成了《对话统战》微视频、共享书吧、同心沙龙等服务载体。', tags: ['小营'] },
      '小营的《对话统战》微视频在哪播出',
      '小营的《对话统战》微视频在央视播出',
    ],
    [
      'a platform something was done on',
      { id: 'quiz', question: '新乡的统战条例知识测试有多少人次参与？', similar: ['新乡知识测试参与人次'], answer: '新乡依托微信平台开展知识测试活动，吸引7万余人次参与。', tags: ['新乡'] },
      '新乡在微信平台上搞的知识测试有多少人次参与',
      '新乡在抖音上搞的知识测试有多少人次参与',
    ],
    [
      'a trade',
      { id: 'lawyers', question: '银川“律师行业实践创新基地”为律师队伍提供了什么？', similar: ['银川律师行业基地'], answer: '银川律师行业实践创新基地为律师队伍提供活动场所、交流平台。', tags: ['银川'] },
      '银川律师行业的实践创新基地是怎么搞的',
      '银川会计师行业的实践创新基地是怎么搞的',
    ],
  ])('does not answer a question about %s the knowledge never names', (_, entry, known, novel) => {
    const index = new KnowledgeIndex([entry]);
    expect(index.match(novel, 1)[0].score).toBeLessThan(index.match(known, 1)[0].score * 0.7);
  });

  it('lowers an entry that never writes the trade a question asks about, even one the knowledge names elsewhere', () => {
    const index = new KnowledgeIndex([
      { id: 'lawyers', question: '银川“律师行业实践创新基地”为律师队伍提供了什么？', similar: ['银川律师行业基地'], answer: '银川律师行业实践创新基地为律师队伍提供活动场所、交流平台。', tags: ['银川'] },
      { id: 'services', question: '小营依托哪些党派力量搞服务？', similar: [], answer: '小营依托党派的律师、医生和教师开展民生服务。', tags: ['小营'] },
    ]);
    const lawyers = index.match('银川那个律师行业的实践创新基地 给律师提供啥服务', 1)[0];
    // 会计 is a trade before 行业 though jieba reads it as a verb; 带动 before 行业 is a verb, and 在会计行业 the member's own.
    expect(index.match('银川会计行业实践创新基地是怎么做的', 1)[0].score).toBeLessThan(index.match('银川律师行业实践创新基地是怎么做的', 1)[0].score * 0.5);
    expect(index.match('银川律师行业实践创新基地怎么带动行业发展', 1)[0].score).toBeGreaterThan(0.7);
    const doctors = index.match('银川那个医生行业的实践创新基地 给医生提供啥服务', 1)[0];
    expect(doctors.score).toBeLessThan(lawyers.score * 0.6);
    // A trade the member names as their own context is not asked about.
    for (const text of ['我是医生行业协会的，银川律师行业的实践创新基地给律师提供啥服务', '我是医生行业协会的 银川律师行业的实践创新基地给律师提供啥服务']) {
      const own = index.match(text, 1)[0];
      expect(own.id).toBe('lawyers');
      expect(own.score).toBeGreaterThan(lawyers.score * 0.8);
    }
  });

  it('does not take a figure the member asks to have confirmed as one they know', () => {
    const index = new KnowledgeIndex([
      { id: 'donations', question: '九三社员为春香基地捐了多少？', similar: [], answer: '发动社员捐款捐物捐书近30万元。', tags: ['德阳'] },
    ]);
    const agreement = agreementIn(index);
    expect(agreement('九三社员给春香基地捐了多少啊，我记得是三十万吧？')).toBe(1);
    expect(agreement('九三社员给春香基地捐了多少，是三十万对吧')).toBe(1);
    // A figure told as known, before asking for another, still is.
    expect(agreement('九三社员给春香基地捐了三十万，捐了多少啊')).toBeLessThan(0.7);
  });

  it('answers a check of a figure with the entry giving it, whether the member has it right or not', () => {
    const index = new KnowledgeIndex([
      { id: 'members', question: '玉门有多少名民主党派成员？', similar: [], answer: '玉门全市共有126名民主党派成员。', tags: ['玉门'] },
      { id: 'services', question: '小营梳理了哪些党派特色服务？', similar: [], answer: '小营梳理出三大类十个子项目的党派特色服务。', tags: ['小营'] },
      { id: 'summit', question: '2018浙江国际健康产业领袖峰会在哪开的？', similar: [], answer: '2018浙江国际健康产业领袖峰会在小营召开。', tags: ['小营'] },
    ]);
    const agreement = agreementIn(index);
    expect(agreement('聽說玉門民主黨派成員有兩百六十多人，是不是啊？')).toBe(1);
    expect(agreement('玉门民主党派成员有126名，对吧')).toBe(1);
    expect(agreement('小营梳理出的党派特色服务是五大类二十个子项目对吧？')).toBe(1);
    // Told as known, the wrong figure still counts against the entry; so does a year checked, which says which fact is meant.
    expect(agreement('玉门民主党派成员有两百六十多人，其中多少是女同志')).toBeLessThan(1);
    expect(agreement('2019年浙江国际健康产业领袖峰会是在小营开的吗？')).toBeLessThan(1);
    expect(agreement('2019那次健康产业领袖峰会是在小营开的吧')).toBeLessThan(1);
    expect(agreement('二〇一九年浙江国际健康产业领袖峰会是在小营开的吧')).toBeLessThan(1);
    // A checked figure of a kind the entry gives none of (an area, an age) is no check the entry answers.
    expect(agreement('玉门民主党派有五百平方米的活动室吧')).toBeLessThan(1);
  });

  it('answers a check of a day with the entry dating it, whether the member has it right or not', () => {
    const index = new KnowledgeIndex([
      { id: 'meeting', question: '西部片会什么时间在哪开的？', similar: [], answer: '西部片会5月17日在成都召开。', tags: ['成都'] },
      { id: 'speaker', question: '谁出席西部片会并讲话？', similar: [], answer: '中央统战部副部长出席西部片会并讲话。', tags: ['成都'] },
    ]);
    const agreement = agreementIn(index);
    expect(agreement('成都那个西部片会是6月17号开的，没错吧？')).toBe(1);
    expect(agreement('西部片会是五月十七日开的吧')).toBe(1);
    // Told as known, the wrong day still counts against the entry.
    expect(agreement('西部片会6月17号开的，谁出席并讲话了')).toBeLessThan(1);
  });

  it('lets an entry giving another figure of the kind a member states correct it', () => {
    const index = new KnowledgeIndex([
      { id: 'members', question: '玉门有多少名民主党派成员？', similar: [], answer: '玉门全市共有126名民主党派成员。', tags: ['玉门'] },
    ]);
    const agreement = agreementIn(index);
    const unstated = agreement('玉门的民主党派成员，都是哪些党派的');
    // 两百多名 is wrong: the entry's 126名 corrects it, and is not held to have missed it.
    expect(agreement('玉门有两百多名民主党派成员，都是哪些党派的')).toBe(unstated);
    // The right figure is known to the member; a figure of a kind the entry gives none of is no premise it corrects; nor is another place's.
    expect(agreement('玉门126名民主党派成员，都是哪些党派的')).toBeLessThan(unstated);
    expect(agreement('玉门有两百多平方米的民主党派成员之家，都是哪些党派的')).toBeLessThan(unstated);
    expect(agreement('张掖有两百多名民主党派成员，都是哪些党派的')).toBeLessThan(unstated);
    // An entry counting what the member counts (创新试点城市), with another count, corrects the count too.
    const pilots = agreementIn(
      new KnowledgeIndex([{ id: 'pilots', question: '西部有哪些创新试点城市？', similar: [], answer: '西部地区有创新试点城市2个，分别是成都和西安。', tags: ['西部'] }]),
    );
    expect(pilots('西部有5个创新试点城市，分别是哪几个')).toBe(pilots('西部的创新试点城市分别是哪几个'));
  });

  it('marks the candidates that correct a figure the member states', () => {
    const index = new KnowledgeIndex([
      { id: 'members', question: '玉门有多少名民主党派成员？', similar: [], answer: '玉门全市共有126名民主党派成员。', tags: ['玉门'] },
    ]);
    expect(index.match('玉门有两百多名民主党派成员，都是哪些党派的')[0]).toMatchObject({ id: 'members', corrects: true });
    expect(index.match('玉门126名民主党派成员，都是哪些党派的')[0]).not.toHaveProperty('corrects');
    expect(index.match('玉门的民主党派成员都是哪些党派的')[0]).not.toHaveProperty('corrects');
    // Asking about a word the knowledge never writes (奖品), it only corrects, and answers nothing asked.
    expect(index.match('玉门有两百多名民主党派成员，奖品都是些什么')[0]).not.toHaveProperty('corrects');
  });

  it('reads a figure in the clause that asks as saying which fact is meant, not as one to correct', () => {
    const index = new KnowledgeIndex([
      { id: 'national', question: '德阳国家级实践创新基地奖励多少？', similar: [], answer: '国家级实践创新基地每个基地奖励6万元。', tags: ['德阳'] },
      { id: 'city', question: '德阳市级实践创新基地奖励多少？', similar: [], answer: '市级实践创新基地每个基地奖励1万元。', tags: ['德阳'] },
    ]);
    const agreement = agreementIn(index);
    expect(agreement('德阳给国家级基地奖励10万元，这钱什么时候发')).toBeGreaterThan(agreement('德阳给国家级基地奖励10万元的钱什么时候发'));
    expect(agreement('德阳奖励10万元的是哪一级基地')).toBeLessThan(agreement('德阳奖励的是哪一级基地'));
  });

  it('matches a quiz question pasted with its choices by its stem', () => {
    const index = new KnowledgeIndex([
      { id: 'hall', question: '农工党史料陈列馆是基于哪里的革命史料建的？', similar: [], answer: '陈列馆基于中江县农工党组织的革命史料建立。', tags: ['德阳'] },
      { id: 'funding', question: '德阳每个民主党派的项目经费是多少？', similar: [], answer: '每个党派争取到项目经费增加至20万元。', tags: ['德阳'] },
    ]);
    const stem = '德阳农工党史料陈列馆是基于哪个县的革命史料建的？';
    const alone = index.match(stem, 1)[0];
    for (const choices of [' A.中江县 B.罗江区 C.广汉市 D.什邡市', '\nA.中江县\nB.罗江区\nC.广汉市\nD.什邡市']) {
      expect(index.match(stem + choices, 1)[0]).toEqual(alone);
    }
    // The figures of wrong choices are not the member's.
    const asked = '德阳给每个民主党派的项目经费增加到了多少？';
    expect(index.match(`${asked} A.10万元 B.20万元 C.60万元 D.6万元`, 1)[0]).toEqual(index.match(asked, 1)[0]);
    expect(index.match(asked, 1)[0].score).toBeGreaterThan(0.56);
  });

  it('reads no figure to check in a name (十九大)', () => {
    const index = new KnowledgeIndex([
      { id: 'congress', question: '玉门围绕二十大组织了多少场主题活动？', similar: [], answer: '玉门围绕喜迎二十大组织主题活动10场次。', tags: ['玉门'] },
    ]);
    const agreement = agreementIn(index);
    expect(agreement('玉门围绕二十大组织了8场主题活动吧')).toBe(1);
    expect(agreement('玉门围绕十九大组织了10场主题活动吧')).toBeLessThan(1);
  });

  it('prefers the entry whose own question quotes the name whose parts are asked', () => {
    const siblings = new KnowledgeIndex([
      { id: 'tong', question: '德阳民进“四同四有四立”中的“四同”指什么?', similar: ['四同四有四立的四同具体是哪四个'], answer: '“四同”指同心、同向、同行、同进。', tags: ['德阳'] },
      { id: 'you', question: '德阳民进“四同四有四立”中的“四有”指什么?', similar: ['四有是哪四有'], answer: '“四有”指有德、有才、有能、有力。', tags: ['德阳'] },
    ]);
    // The whole's entry shares more words with the question; the name asked about is the other's.
    expect(siblings.match('“四有”具体是哪四个有', 1)[0].id).toBe('you');
  });

  it('prefers the part a question asks about over the whole it names as context', () => {
    const parts = new KnowledgeIndex([
      { id: 'whole', question: '泸州培养党外人才的“中心+会+团+室+库”是什么?', similar: [], answer: '泸州依托人才服务中心、联谊会、专家服务团、工作室、智库培养党外人才。', tags: ['泸州'] },
      { id: 'centre', question: '泸州的党外人才服务中心是什么中心?', similar: [], answer: '泸州建成全省首个党外人才服务中心。', tags: ['泸州'] },
    ]);
    const lead = (text: string) => {
      const scores = new Map(parts.match(text, 2).map((c) => [c.id, c.score]));
      return (scores.get('whole') ?? 0) - (scores.get('centre') ?? 0);
    };
    // The same words, once with the turn to the asking clause and once without.
    const without = lead('泸州培养党外人才靠“中心+会+团+室+库”，这的“中心”是什么中心');
    expect(without).toBeGreaterThan(0);
    expect(lead('泸州培养党外人才靠“中心+会+团+室+库”，其中的“中心”是什么中心')).toBeLessThan(without / 10);
    // 好几次 is no question of the context's own.
    expect(lead('我好几次听人说泸州培养党外人才靠“中心+会+团+室+库”，其中的“中心”是什么中心')).toBeLessThan(0);
  });

  it('breaks a near tie for the entry whose answer names the kind of thing asked', () => {
    const home = new KnowledgeIndex([
      { id: 'home', question: '德阳民建和会员企业合办的会员之家是什么级别?', similar: [], answer: '德阳民建会员之家是全省首个省级民建会员之家。', tags: ['德阳'] },
      { id: 'where', question: '德阳民建会员之家设在哪里?', similar: [], answer: '德阳民建会员之家位于蜀徽大厦内。', tags: ['德阳'] },
    ]);
    expect(home.match('德阳民建和会员企业合办的会员之家在哪座大厦', 1)[0].id).toBe('where');
    // A clear lead stays: the tie-break only reorders entries close to the best.
    expect(home.match('民建和会员企业合办的会员之家是哪座大厦', 1)[0].id).toBe('home');
  });

  it('keeps the level of what the context names when the asking clause points back at it', () => {
    const awards = new KnowledgeIndex([
      { id: 'national', question: '德阳对新创建的国家级实践创新基地每个奖励多少钱?', similar: ['德阳国家级基地奖励'], answer: '德阳对新创建的国家级实践创新基地,每个基地奖励6万元。', tags: ['德阳'] },
      { id: 'city', question: '新创建的德阳市级实践创新基地每个奖励多少钱?', similar: ['德阳市实践创新基地奖励1万元'], answer: '德阳对新创建的德阳市实践创新基地,每个基地奖励1万元。', tags: ['德阳'] },
    ]);
    const [first, second] = awards.match('您好，听说德阳对国家级实践创新基地每个奖励10万元，请问这笔奖励由哪个部门发放？', 2);
    expect(first.id).toBe('national');
    expect(first.score - (second?.score ?? 0)).toBeGreaterThan(AMBIGUITY_MARGIN);
  });

  it('takes the levels of a question from where it turns to asking, not from its context', () => {
    const yumen = new KnowledgeIndex([
      { id: 'deputies', question: '玉门市民主党派成员中有几名省人大代表?', similar: [], answer: '玉门市民主党派成员中担任省人大代表的1名。', tags: ['玉门'] },
      { id: 'cadres', question: '玉门市民主党派成员中有几名副县级干部?', similar: [], answer: '玉门市民主党派成员中有副县级干部2名。', tags: ['玉门'] },
    ]);
    const context = '玉门那篇文章讲了好多副县级干部的事，';
    expect(decide(yumen, `${context}我就想知道有几位民主党派成员当了省人大代表`, DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', entryId: 'deputies' });
    expect(decide(yumen, `${context}有几位民主党派成员当了省人大代表`, DEFAULT_THRESHOLDS).kind).not.toBe('answer');
  });

  it('answers about a person the knowledge names though the member gives them a wrong title, and still weighs a level asked of no one', () => {
    const xiaoying = new KnowledgeIndex([
      {
        id: 'instruction',
        question: '2017年底是谁对杭州小营的红巷·同心筑统战阵地打造工作给予批示肯定?',
        similar: ['佟桂莉批示小营'],
        answer: '2017年底，杭州市委常委、统战部长佟桂莉在上城统一战线内部参阅上，对小营的红巷·同心筑统战阵地打造工作给予批示肯定。',
        tags: ['杭州', '小营街道'],
      },
      {
        id: 'summit',
        question: '小营借助哪个峰会的契机发展健康产业?',
        similar: ['小营和浙江国际健康产业领袖峰会'],
        answer: '小营紧承2018浙江国际健康产业领袖峰会召开的契机，围绕“健康中国”战略推进工作。',
        tags: ['杭州', '小营街道'],
      },
    ]);
    expect(decide(xiaoying, '浙江省委统战部长佟桂莉2017年底批示肯定了小营的哪项工作？', DEFAULT_THRESHOLDS)).toMatchObject({ kind: 'answer', entryId: 'instruction' });
    expect(decide(xiaoying, '浙江省委统战部2017年底批示肯定了小营的哪项工作？', DEFAULT_THRESHOLDS).kind).not.toBe('answer');
  });

  it('offers the entry that corrects a figure the member states, rather than answering another on it', () => {
    // The member's 10万 for a national base is wrong (6万): the provincial award is not answered as if it were right.
    const wrong = decide(index, '德阳给新创建的国家级实践创新基地每个奖励10万元，那省级基地奖励多少？', DEFAULT_THRESHOLDS);
    expect(wrong.kind).toBe('suggest');
    expect(wrong.suggestions.map((s) => s.id).slice(0, 2)).toEqual(['deyang-national-award', 'deyang-provincial-award']);
    // What the member says of their own county is no figure of the knowledge's.
    const stated = '给新创建的国家级实践创新基地每个奖励10万元，德阳给省级基地奖励多少？';
    expect(index.contradicting(`德阳${stated}`, 'deyang-provincial-award', DEFAULT_THRESHOLDS.answer)).toMatchObject({ id: 'deyang-national-award' });
    expect(index.contradicting(`我们县${stated}`, 'deyang-provincial-award', DEFAULT_THRESHOLDS.answer)).toBeUndefined();
    // A wrong figure the member asks to have checked is corrected as well.
    const checked = '德阳省级基地奖励多少？我记得国家级基地每个奖励10万元，请核实';
    expect(index.contradicting(checked, 'deyang-provincial-award', DEFAULT_THRESHOLDS.answer)).toMatchObject({ id: 'deyang-national-award' });
    // A figure guessed alone (10万吧) says nothing of what it counts: it is no other entry's to correct.
    expect(index.contradicting('德阳省级基地奖励多少？10万元吧？', 'deyang-provincial-award', 0)).toBeUndefined();
    // The right figure is the member's to state: the question is answered.
    expect(decide(index, '德阳给新创建的国家级实践创新基地每个奖励6万元，那省级基地奖励多少？', DEFAULT_THRESHOLDS)).toMatchObject({
      kind: 'answer',
      entryId: 'deyang-provincial-award',
    });
  });

  it('does not match a part of a whole by a question members asked about another of its parts', () => {
    const luzhou = new KnowledgeIndex([
      {
        id: 'centre',
        question: '泸州“中心+会+团+室+库”中的“中心”指什么?',
        similar: [],
        answer: '“中心”即全省首个统战人才服务中心。',
        tags: ['泸州'],
      },
      {
        id: 'studios',
        question: '泸州“中心+会+团+室+库”中的“团”“室”“库”指什么?',
        similar: [],
        answer: '“团”即专家服务团，“室”即党外名医工作室，“库”即党外人才智库。',
        tags: ['泸州'],
        asked: ['泸州“中心+会+团+室+库”里头那个“室”指的是啥'],
      },
    ]);
    expect(luzhou.match('泸州“中心+会+团+室+库”里头那个“中心”指的是啥？', 1)[0].id).toBe('centre');
    expect(luzhou.match('泸州“中心+会+团+室+库”里头那个“库”指的是啥？', 1)[0].id).toBe('studios');
  });
});

describe('a question about a whole above the street an entry is about', () => {
  const street = new KnowledgeIndex([
    {
      id: 'subprojects',
      question: '杭州小营依托各党派力量梳理出多少个特色服务子项目？',
      similar: ['小营党派服务清单有多少个子项目'],
      answer: '小营街道依托各党派力量，梳理出10类32个特色服务子项目。',
      tags: ['杭州', '小营街道', '民生服务'],
    },
  ]);
  const agreement = agreementIn(street);

  it('does not give the street\'s figure to a question about the district or city as a whole', () => {
    expect(agreement('上城区全区的党派服务清单一共有多少个子项目？')).toBeLessThan(0.5);
    expect(agreement('小营的党派服务清单一共有多少个子项目？')).toBe(1);
  });

  it('gives it where 全区 only describes what is asked about', () => {
    expect(agreement('全区都在学的党派服务清单梳理出了哪些子项目？')).toBe(agreement('党派服务清单梳理出了哪些子项目？'));
    expect(agreement('面向全区梳理出了多少个特色服务子项目？')).toBe(agreement('梳理出了多少个特色服务子项目？'));
    expect(agreement('上城区全区的党派服务清单梳理出了多少个子项目？')).toBeLessThan(agreement('党派服务清单梳理出了多少个子项目？'));
  });

  it('gives it where the question names the street, and reads 全区 only as a whole', () => {
    expect(agreement('小营面向全区梳理出多少个特色服务子项目？')).toBe(1);
    expect(agreement('小营的服务清单和其他街道的完全区别在哪里')).toBe(1);
  });

  it('gives a whole\'s question an entry whose answer is of that whole', () => {
    const district = new KnowledgeIndex([
      {
        id: 'reeducation',
        question: '上城区各党派在红巷接受了什么教育？',
        similar: [],
        answer: '以学习贯彻党的十九大精神为契机，上城区各党派走进红巷接受爱国主义再教育。',
        tags: ['杭州', '小营街道', '红巷'],
      },
    ]);
    expect(agreementIn(district)('上城区全区各党派在红巷接受了什么教育？')).toBe(1);
  });
});


describe('a question telling of a few before it asks', () => {
  const catalog = new KnowledgeIndex([
    {
      id: 'catalog',
      question: '玉门市民主党派制度参考目录清单包括多少个模块、多少条具体制度？',
      similar: ['玉门民主党派制度目录分几个模块'],
      answer: '玉门市建立民主党派制度参考目录清单，拟定会议制度、理论学习制度等8个模块20条具体制度。',
      tags: ['玉门', '制度建设'],
    },
  ]);

  it('asks for what its question-marked sentence counts, not for the few it told of', () => {
    expect(agreementIn(catalog)('我在玉门做新能源项目，认识了几位民主党派的朋友。玉门帮他们建的那套制度体系，一共分了几个模块？')).toBe(1);
  });
});

describe('the word a question asks about', () => {
  const luzhou: IndexableEntry[] = [
    {
      id: 'ten-ones',
      question: '泸州在全省率先探索的统战团体“十个一”是什么？',
      similar: ['泸州十个一', '泸州统战团体十个一活动是啥'],
      answer: '泸州在全省率先探索统战团体“十个一”活动发展路径，按“四好五化六有”标准推进。',
      tags: ['泸州'],
    },
    {
      id: 'standard',
      question: '泸州统战团体活动按照什么标准开展？',
      similar: ['泸州四好五化六有', '泸州统战标准体系'],
      answer: '泸州统战团体活动按照“四好五化六有”标准开展。',
      tags: ['泸州'],
    },
    { id: 'funding', question: '德阳每个党派的项目经费是多少？', similar: [], answer: '2023年德阳每个党派的项目经费增加至20万元。', tags: ['德阳'] },
  ];

  it('puts the entry whose own question asks for it before the one about what has it', () => {
    const index = new KnowledgeIndex(luzhou);
    expect(index.match('泸州统战团体十个一是按照什么标准来的？', 2)[0].id).toBe('standard');
  });

  it('leaves the order alone for a word most entries ask for', () => {
    const many: IndexableEntry[] = Array.from({ length: 40 }, (_, i) => ({
      id: `filler-${i}`,
      question: `第${i}个城市的统战标准是什么？`,
      similar: [],
      answer: `第${i}个城市有自己的做法。`,
      tags: ['其他'],
    }));
    const index = new KnowledgeIndex([...luzhou, ...many]);
    expect(index.match('泸州统战团体十个一是按照什么标准来的？', 2)[0].id).toBe('ten-ones');
  });
});
