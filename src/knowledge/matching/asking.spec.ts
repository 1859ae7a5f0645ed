import { statesBelief, answerKinds, askedClause, askedKind, askingSentence, asksForWording, confirmingClauses, exceptedNames, turnsFromNamed, givesOnlyKnown, isLongQuestion, knownCount, LONG_QUESTION_CHARS, wholeAndPart, withPausesMarked, pointsToOwnPlace, preferHaving, refersBack, withoutSelfDescription, withoutToldFew } from './asking';
import { normaliseQuestion } from './normalise';

describe('a long question', () => {
  it('counts the characters it writes, not the spaces around it', () => {
    const long = '德'.repeat(LONG_QUESTION_CHARS);
    expect(isLongQuestion(long)).toBe(true);
    expect(isLongQuestion(long.slice(1))).toBe(false);
    expect(isLongQuestion(`  ${long.slice(1)}\n `)).toBe(false);
    // Characters beyond the Basic Multilingual Plane (𠊎) count once each.
    expect(isLongQuestion('𠊎'.repeat(LONG_QUESTION_CHARS))).toBe(true);
  });
});

describe('a sentence stating a belief', () => {
  it('asks nothing of its own when it only wants its belief agreed with', () => {
    expect(statesBelief('泸州那本书不是正式出版了吗？')).toBe(true);
    expect(statesBelief('難道沒在紅巷掛牌？')).toBe(true);
    expect(statesBelief('小营那个平台不就是微信公众号吗')).toBe(true);
    // A question word of its own asks: 不是…吗 beside 哪 or 多少 is a question.
    expect(statesBelief('不是在襄阳开的吗，哪天开的？')).toBe(false);
    expect(statesBelief('德阳给了多少钱吗')).toBe(false);
    expect(statesBelief('是不是在襄阳开的？')).toBe(false);
  });
});

describe('pauses typed as spaces', () => {
  it('are commas in a short question or one with marks of its own', () => {
    expect(withPausesMarked('那个我在酒泉做点小生意 也是党派成员')).toBe('那个我在酒泉做点小生意，也是党派成员');
    expect(withPausesMarked('德阳 国家级基地 奖励')).toBe('德阳，国家级基地，奖励');
    expect(withPausesMarked('我是民主党派的老成员 己经入会二十来年了，去年在群里看到说德阳市委统战部给每个党派争取的项目经费涨了')).toBe(
      '我是民主党派的老成员，己经入会二十来年了，去年在群里看到说德阳市委统战部给每个党派争取的项目经费涨了',
    );
  });

  it('end sentences between long runs of a long question typed without a mark', () => {
    expect(withPausesMarked('我是民主党派的老成员 己经入会二十来年了 去年在群里看到说项目经费涨了 嗯 2023年每个党派的项目经费增加到多少万')).toBe(
      '我是民主党派的老成员。己经入会二十来年了。去年在群里看到说项目经费涨了，嗯 2023年每个党派的项目经费增加到多少万',
    );
  });
});

describe('how a question is built', () => {
  it('knows an asking clause that points back at what its context names', () => {
    expect(refersBack(normaliseQuestion('这笔奖励由哪个部门发放'))).toBe(true);
    expect(refersBack(normaliseQuestion('该基地在哪'))).toBe(true);
    // 该 as "should", 此外 and 其实 point at nothing.
    expect(refersBack(normaliseQuestion('该怎么申报省级基地'))).toBe(false);
    expect(refersBack(normaliseQuestion('此外还共享了什么'))).toBe(false);
    expect(refersBack(normaliseQuestion('其实我想知道奖励多少'))).toBe(false);
  });

  it('reads what a question asks after its context turns to the asking', () => {
    expect(askedClause('泸州有个“中心+会+团+室+库”的说法，其中的“中心”指的是哪个中心？')).toBe('的“中心”指的是哪个中心？');
    expect(askedClause('玉门讲了好几个活动点，我想问的是九三学社那边共享的是什么')).toBe('的是九三学社那边共享的是什么');
    expect(askedClause('去年参加过主题活动，想确认一下，市里还组织了几场集中观摩？')).toBe('一下，市里还组织了几场集中观摩？');
    expect(askedClause('之前在深圳开过一个会，我想搞清楚的是，这次成都片会有多少个省区市参加')).toBe('的是，这次成都片会有多少个省区市参加');
    expect(askedClause('其中最多的是哪个')).toBeUndefined();
    // 那 after a comma turns from what the member read to what they ask; 那个 and 那些 point back.
    expect(askedClause('新乡说思想上是给大家充电，那精神上是给补点什么？')).toBe('精神上是给补点什么？');
    expect(askedClause('新乡有个说法，那个说法叫什么')).toBeUndefined();
    // So does 那么, when a question follows it (a figure taken as given, then asked about).
    expect(askedClause('德阳国家级基地每一个奖励10万元，那么德阳一共奖了多少个国家级基地？')).toBe('德阳一共奖了多少个国家级基地？');
    // Also after a sentence the member asks to have confirmed.
    expect(askedClause('我记得德阳市级基地一个奖1万对吧？那要是评上国家级的，一个能奖多少来着？')).toBe('要是评上国家级的，一个能奖多少来着？');
    expect(askedClause('我想问一下')).toBeUndefined();
    expect(askedClause('泸州的人才服务中心是什么')).toBeUndefined();
  });

  it('reads a question telling its story in sentences that ask nothing as asking in its last', () => {
    const story = '我们市里明年也想办个培训，听说襄阳搞过一场，全国来了近30个地市的统战部门。';
    expect(askingSentence(`${story}那次活动正式的名称叫什么，能告诉我不？`)).toBe('那次活动正式的名称叫什么，能告诉我不？');
    // A story that asks too, a last sentence that asks nothing, and one sentence alone have no such sentence.
    expect(askingSentence('德阳有几个基地？那次活动的名称叫什么？')).toBeUndefined();
    expect(askingSentence(`${story}谢谢。`)).toBeUndefined();
    expect(askingSentence('那次活动正式的名称叫什么，能告诉我不？')).toBeUndefined();
  });

  it('finds the clauses asking to confirm what the member remembers', () => {
    expect(confirmingClauses('九三社员捐了多少啊，我记得是三十万左右吧？')).toEqual(['我记得是三十万左右吧']);
    expect(confirmingClauses('是165个对吧')).toEqual(['是165个对吧']);
    expect(confirmingClauses('德阳建了165个基地，其中宗教的有多少个')).toEqual([]);
    // Only after the last clause that asks openly; 不是…吗 takes as known; 讲吧 is a noun.
    expect(confirmingClauses('玉门有126名成员吗，其中多少人是党外干部')).toEqual([]);
    expect(confirmingClauses('不是165个基地吗')).toEqual([]);
    expect(confirmingClauses('玉门的同心讲吧')).toEqual([]);
    // A bare tag asks to confirm the clause before it; 是不是 is no 不是…吗.
    expect(confirmingClauses('聽說玉門民主黨派成員有兩百六十多人,是不是啊?')).toEqual(['聽說玉門民主黨派成員有兩百六十多人', '是不是啊']);
    expect(confirmingClauses('新乡那个测试有17万人次参加，这个数对吧？')).toEqual(['新乡那个测试有17万人次参加', '这个数对吧']);
    // So does a request to check it.
    expect(confirmingClauses('参与人次有多少？我记得是7万多，请核对。')).toEqual(['我记得是7万多', '请核对']);
    expect(confirmingClauses('据报道襄阳建了200个基地，是否属实？')).toEqual(['据报道襄阳建了200个基地', '是否属实']);
    expect(confirmingClauses('“室”指的是什么？请核实原文。')).toEqual([]);
    expect(confirmingClauses('德陽民革黨員之家面積是220平米，請核實')).toEqual(['德陽民革黨員之家面積是220平米', '請核實']);
    // A short figure offered last, after the open question, is a guess to be checked.
    expect(confirmingClauses('新乡那个知识测试到底有多少人次参加，七万多？')).toEqual(['七万多']);
    expect(confirmingClauses('去襄阳培训的一共来了多少家，三十个左右？')).toEqual(['三十个左右']);
    // Not one told before the question, nor a figure in a longer clause after it.
    expect(confirmingClauses('七万多人参加，这么多人怎么组织的？')).toEqual([]);
    expect(confirmingClauses('德阳评上了几个基地，我们区今年也评上了三个')).toEqual([]);
  });

  it('knows when what is asked is beside what the context names', () => {
    expect(turnsFromNamed('泸州有个“中心+会+团+室+库”的说法，其中的“团”指什么')).toBe(true);
    expect(turnsFromNamed('新乡说思想上是给大家充电，那精神上是给补点什么？')).toBe(true);
    expect(turnsFromNamed('我想问一下玉门有几个活动点')).toBe(false);
    expect(turnsFromNamed('新乡有个说法，那个说法叫什么')).toBe(false);
    expect(turnsFromNamed('小营有个巧手工作室，那是在哪个社区')).toBe(false);
  });

  it('reads the kind of thing a question asks which one of', () => {
    expect(askedKind('德阳民建会员之家落脚在哪家酒店里面')).toBe('酒店');
    expect(askedKind('九三学社共享的是什么设施')).toBe('设施');
    expect(askedKind('德阳民建会员之家在哪')).toBeUndefined();
    expect(askedKind('小营是怎么做的')).toBeUndefined();
  });

  it('puts entries having what the question points at before close ones lacking it, and only close ones', () => {
    const scored = () => [
      { id: 'whole', score: 0.68, has: false },
      { id: 'part', score: 0.67, has: true },
      { id: 'far', score: 0.4, has: false },
    ];
    const ranked = preferHaving(scored(), (c) => c.has).sort((a, b) => b.score - a.score);
    expect(ranked.map((c) => c.id)).toEqual(['part', 'whole', 'far']);
    expect(ranked.find((c) => c.id === 'far')?.score).toBe(0.4);
    // When no close entry has it, or every one does, nothing changes.
    expect(preferHaving(scored(), () => false).map((c) => c.score)).toEqual([0.68, 0.67, 0.4]);
    expect(preferHaving(scored(), () => true).map((c) => c.score)).toEqual([0.68, 0.67, 0.4]);
  });

  it('reads the kind of answer a question wants from its question word', () => {
    expect(answerKinds('谁批示了红巷同心筑')).toEqual(['person']);
    expect(answerKinds('红巷同心筑一季度开了多少场学习')).toEqual(['number']);
    expect(answerKinds('片会是哪一年开的')).toEqual(['time']);
    expect(answerKinds('为什么专门开西部片会')).toEqual(['reason']);
    expect(answerKinds('西部片会在哪开')).toEqual(['place']);
    expect(answerKinds('片会是哪开的')).toEqual(['place']);
    expect(answerKinds('在哪些方面帮扶企业')).toEqual([]);
    expect(answerKinds('片会在哪一年开的')).toEqual(['time']);
    expect(answerKinds('同心同行品牌都是哪几个行')).toEqual(['number']);
    expect(answerKinds('三同三化是什么意思')).toEqual([]);
  });
});

describe('what the member says of themselves', () => {
  it('sets aside the clauses where the member says who they are', () => {
    expect(withoutSelfDescription('我是侨联的工作人员,听说杭州小营有位侨眷办了工作室,叫什么?')).toBe('听说杭州小营有位侨眷办了工作室,叫什么?');
    expect(withoutSelfDescription('我在区委统战部做宣传。泸州要提升的四个度是什么？')).toBe('泸州要提升的四个度是什么？');
    expect(withoutSelfDescription('泸州要提升的四个度是什么')).toBe('泸州要提升的四个度是什么');
    // Whatever the member did is theirs; the clauses after it may name the fact's own party or year.
    expect(withoutSelfDescription('我退休前在组织部门干过，玉门提拔了多少人？')).toBe('玉门提拔了多少人？');
    // Where the member now works or lives goes on describing them.
    expect(withoutSelfDescription('我是玉门人，在兰州上班，想问老家那个办法的全名叫什么？')).toBe('想问老家那个办法的全名叫什么？');
    expect(withoutSelfDescription('我是杭州上城人，现在在深圳做外贸，小营的两大核心功能是哪两个？')).toBe('小营的两大核心功能是哪两个？');
    // So does a trip the member tells of without saying 我: its time is the trip's (去年), not the fact's.
    expect(withoutSelfDescription('去年去杭州学习参观了红巷，讲解员说那个阵地围绕两大核心功能建的，另一个是啥？')).toBe('讲解员说那个阵地围绕两大核心功能建的，另一个是啥？');
    expect(withoutSelfDescription('前两天到德阳出差，民革党员之家在哪？')).toBe('民革党员之家在哪？');
    expect(withoutSelfDescription('去年到红巷参观的团体有多少个？')).toBe('去年到红巷参观的团体有多少个？');
    expect(withoutSelfDescription('去年新乡开展了知识测试，参加的有多少人？')).toBe('去年新乡开展了知识测试，参加的有多少人？');
    // Nor does saying first when the member did it (去年我们区……).
    expect(withoutSelfDescription('去年我们区也办过统战干部培训，襄阳这次是由哪两家单位主办的？')).toBe('襄阳这次是由哪两家单位主办的？');
    // 办过几期 tells of a few: the clause still describes the member.
    expect(withoutSelfDescription('我们区也请专家办过几期技术培训，德阳推动的科技成果转化有多少项？')).toBe('德阳推动的科技成果转化有多少项？');
    expect(withoutSelfDescription('我们区办了几期培训？')).toBe('我们区办了几期培训？');
    // How the member's own body means to go about something is no question to the bot.
    expect(withoutSelfDescription('我们民建支部最近在想怎么发动会员企业，襄阳投身的行动叫什么？')).toBe('襄阳投身的行动叫什么？');
    expect(withoutSelfDescription('我们民建支部想问怎么发动会员企业？')).toBe('我们民建支部想问怎么发动会员企业？');
    // So is what the member's own institution means to do, said without 我们.
    expect(withoutSelfDescription('政协这边想推动建一个联系服务平台。成都那个中心属于第几批？')).toBe('成都那个中心属于第几批？');
    expect(withoutSelfDescription('单位这边准备学习德阳的做法，德阳每个党派的经费是多少？')).toBe('德阳每个党派的经费是多少？');
    // What the institution did, or said, may be the very fact asked about.
    expect(withoutSelfDescription('政协委员有多少名？')).toBe('政协委员有多少名？');
    expect(withoutSelfDescription('人大今年出台的法规文件，哈尔滨有多少个？')).toBe('人大今年出台的法规文件，哈尔滨有多少个？');
    expect(withoutSelfDescription('政协这边最近说玉门民主党派成员有200人，里面有几名省人大代表？')).toBe('政协这边最近说玉门民主党派成员有200人，里面有几名省人大代表？');
    expect(withoutSelfDescription('我是九三学社社员，民革在德阳也搞了个基地，依托的是哪些人？')).toBe('民革在德阳也搞了个基地，依托的是哪些人？');
    // A clause that asks, or tells what the member heard, read or remembers, is about the fact.
    expect(withoutSelfDescription('我们玉门的党派成员有多少人')).toBe('我们玉门的党派成员有多少人');
    expect(withoutSelfDescription('我們玉門的黨派成員有多少人嗎')).toBe('我們玉門的黨派成員有多少人嗎');
    expect(withoutSelfDescription('我们单位如何参加德阳的活动')).toBe('我们单位如何参加德阳的活动');
    // 这么, 那么 ask nothing.
    expect(withoutSelfDescription('我在民革干了这么多年，九三学社依托哪里建了关爱基地')).toBe('九三学社依托哪里建了关爱基地');
    expect(withoutSelfDescription('我是民盟盟员，想问下德阳民盟建了几个基地')).toBe('想问下德阳民盟建了几个基地');
    expect(withoutSelfDescription('我看到民革德阳市委建了个基地。以什么为目标？')).toBe('我看到民革德阳市委建了个基地。以什么为目标？');
    expect(withoutSelfDescription('我记得2021年德阳的经费提高了，增加到多少了？')).toBe('我记得2021年德阳的经费提高了，增加到多少了？');
    // A clause going on with what the member did, its subject left out, is theirs too; one after what they heard is not.
    expect(withoutSelfDescription('我在上城做健康产业，去年参加过领袖峰会。小营的展示中心叫什么？')).toBe('小营的展示中心叫什么？');
    expect(withoutSelfDescription('我是民企的，平时跟工商联打交道，也听说过园区，园区全称叫什么？')).toBe('也听说过园区，园区全称叫什么？');
    expect(withoutSelfDescription('我听说德阳建了基地，去年又新建了几个？')).toBe('我听说德阳建了基地，去年又新建了几个？');
    expect(withoutSelfDescription('德阳去年建了几个基地，之前建了几个')).toBe('德阳去年建了几个基地，之前建了几个');
    expect(pointsToOwnPlace('朋友说我们这边的法律服务中心被观摩过，创新方向有哪些')).toBe(true);
    expect(pointsToOwnPlace('听说咱们当地也建了基地，建了几个')).toBe(true);
    // 我们这次 is "this time"; a bare 当地 is the place just named.
    expect(pointsToOwnPlace('我们这次要去学习的玉门有多少党派成员')).toBe(false);
    expect(pointsToOwnPlace('玉门当地有多少名民主党派成员')).toBe(false);
    // A clause opening with a time word and a name has a subject of its own.
    expect(withoutSelfDescription('我是张掖的，目前玉门的民主党派成员，一共有多少？')).toBe('目前玉门的民主党派成员，一共有多少？');
    expect(pointsToOwnPlace('听说玉门除了联络服务站以外还共享了一个实验室，是什么实验室')).toBe(false);
  });
});

describe('a question asking for a wording', () => {
  const wording = (text: string) => asksForWording(normaliseQuestion(text));

  it('asks for a name or the words used, not why something is so named', () => {
    expect(wording('这条线路起了个什么名号')).toBe(true);
    expect(wording('佟桂莉批示的原话是什么')).toBe(true);
    expect(wording('泸州那个园子叫啥名')).toBe(true);
    expect(wording('西藏借用了一个数学名词，是什么')).toBe(true);
    expect(wording('“一茶一坐”为什么起这个名字')).toBe(false);
    expect(wording('“一茶一坐”为啥起这个名字')).toBe(false);
    // Who named it, when, how much, or a person's name: another kind of fact.
    expect(wording('重庆巴渝新锋这个名字是谁起的')).toBe(false);
    expect(wording('“三同三化”这个概念什么时候开始用的')).toBe(false);
    expect(wording('听说有个“新乡统战在行动”的说法，一共投入了多少钱')).toBe(false);
    expect(wording('银川同心律师服务团的团长叫什么名字')).toBe(false);
    expect(wording('德阳建了多少个基地')).toBe(false);
  });

  it('reads Traditional questions as their Simplified form', () => {
    expect(wording('這條線路起了個什麼名號')).toBe(true);
    expect(wording('銀川同心律師服務團的團長叫什麼名字')).toBe(false);
  });
});

describe('what the member sets aside', () => {
  it('reads the names between 除了 and 还 as known, not asked', () => {
    expect(exceptedNames('玉门除了联络服务站和支社阵地以外，还共享了什么？')).toEqual(['联络服务站', '支社阵地']);
    expect(exceptedNames('除了德阳之外，别的城市有吗')).toEqual(['德阳']);
    expect(exceptedNames('除了九三学社支社阵地之外，农工党在玉门有没有自己的活动点？')).toEqual(['九三学社支社阵地']);
    expect(exceptedNames('玉门共享了什么设施')).toEqual([]);
  });
});

describe('counts the member states before asking', () => {
  it('reads a count stated before asking how many of the same measure as known', () => {
    expect(knownCount('玉门搞的主题活动有10场次那', '集中观摩活动搞了多少场')).toEqual({ measure: '场', numbers: new Set([10]) });
    // Another measure counts something else, which may be the fact asked.
    expect(knownCount('玉门民主党派成员提交了40余篇议案建议其中', '多少件被列为督办')).toBeUndefined();
    expect(knownCount('玉门有126名党派成员那', '当了人大代表的是谁')).toBeUndefined();
  });

  it('tells an answer giving only the known count from one giving another', () => {
    const known = { measure: '个', numbers: new Set([2]) };
    expect(givesOnlyKnown('西部9省区市有创新试点城市2个。', known)).toBe(true);
    expect(givesOnlyKnown('西部9省区市有创新试点城市2个、创新推广城市8个。', known)).toBe(false);
    expect(givesOnlyKnown('西部9省区市参加片会。', known)).toBe(false);
  });
});

describe('sentences that tell of a few', () => {
  it('sets aside a sentence telling of the member, ending in a full stop, whose only question word is 几, before one that asks', () => {
    expect(withoutToldFew('我在玉门做新能源项目，认识了几位民主党派的朋友。玉门帮他们建的制度体系分了几个模块？')).toBe(
      '玉门帮他们建的制度体系分了几个模块？',
    );
  });

  it('keeps a sentence of something else, one that asks with another word, or a question with no question mark', () => {
    const asks = '德阳的国家级基地奖励多少。去年评上了几个？';
    expect(withoutToldFew(asks)).toBe(asks);
    const another = '德阳民革党员之家有几个功能区。建在哪里？';
    expect(withoutToldFew(another)).toBe(another);
    const asking = '我想问一下襄阳有几个地市参加培训。在哪里举办的？';
    expect(withoutToldFew(asking)).toBe(asking);
    const unmarked = '我认识了几位民主党派的朋友。玉门分了几个模块';
    expect(withoutToldFew(unmarked)).toBe(unmarked);
    const after = '玉门分了几个模块？我认识了几位朋友。';
    expect(withoutToldFew(after)).toBe(after);
  });
});

describe('wholeAndPart', () => {
  it('splits a question of a part from the whole it names before', () => {
    expect(wholeAndPart('一季度16场学习里，企业家座谈占几场？')).toEqual({ whole: '一季度16场学习', part: '企业家座谈占几场？' });
    expect(wholeAndPart('对口联系了45个乡镇，里面有几个是山区乡镇')).toEqual({ whole: '对口联系了45个乡镇', part: '有几个是山区乡镇' });
    expect(wholeAndPart('襄阳建了多少个基地')).toBeUndefined();
  });
});
