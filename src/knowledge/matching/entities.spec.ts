import { normaliseQuestion } from './normalise';
import { collectEntityNames, EntityExtractor, entityAgreement, levelsRecalled, passageContext, statedNumbers } from './entities';

describe('EntityExtractor levels', () => {
  const extractor = new EntityExtractor([], ['德阳市委统战部为每个党派争取项目经费']);
  const levels = (text: string) => [...extractor.extract(text, true).levels];

  it('reads the level of a body from how it is named', () => {
    expect(levels('九三学社中央给基地拨了多少钱')).toEqual(['national', 'central body']);
    expect(levels('民盟省委给基地拨了多少钱')).toEqual(['provincial', 'provincial body']);
    expect(levels('评上省级基地奖励多少钱')).toEqual(['provincial']);
    expect(levels('襄阳动员商会投身了一个全国性的行动')).toEqual([]);
    expect(levels('德阳市委统战部给基地拨了多少钱')).toEqual(['city body']);
    expect(levels('四川省财政给陈列馆补助了多少钱')).toEqual(['provincial body']);
    expect(levels('有几个是甘肃省政协委员')).toEqual(['provincial body']);
    expect(levels('上城区委统战部部长作过什么批示')).toEqual(['district body']);
    expect(levels('绵竹县委书记讲了什么')).toEqual(['county body']);
    expect(levels('红巷同心筑是上城区哪位区领导批示的')).toEqual(['district body']);
    expect(levels('哪位省领导出席了片会')).toEqual(['provincial body']);
    expect(levels('上城区社会主义学院在红巷挂牌的是什么基地')).toEqual(['district body']);
  });

  it('reads a level the question names in the words of the source paragraph as recalled from the report', () => {
    const opening = normaliseQuestion('11月8日至9日,全国近30个地市级统战部门负责同志和代表齐聚湖北襄阳');
    const recalled = (text: string) => [...levelsRecalled(extractor.extract(normaliseQuestion(text), true), opening)];
    expect(recalled('听说襄阳那个培训来了全国近30个地市的统战部门，民革是主办还是协办')).toEqual(['national']);
    expect(recalled('襄阳有多少个国家级实践创新基地')).toEqual([]);
    expect(recalled('全国有多少个地市建了实践创新基地')).toEqual([]);
  });

  it('reads 县级市 as what a county-level city the question names is, not as a level asked about', () => {
    expect(levels('需要一个县级市配合调研的例子，玉门市配合民革做的调研题目是什么')).toEqual([]);
    expect(levels('县级市的统战部有几个基地')).toEqual(['county']);
    expect(levels('德阳下面的县级市建了几个基地')).toEqual(['county']);
    expect(levels('除了旌阳区，德阳的县级市统战部给民革提供了多少经费')).toContain('county');
  });

  it('reads a level\'s budget (市级财政) as its body, not as a thing of that level', () => {
    expect(levels('装修布展时市级财政拿出了多少补助资金')).toEqual(['city body', 'city budget']);
    expect(levels('省级财政补了多少')).toEqual(['provincial body']);
    expect(levels('县级财政补了多少')).toEqual(['county body']);
    expect(levels('评上市级基地奖励多少钱')).toEqual(['city']);
  });

  it('reads the county-level bodies of a city as county level', () => {
    expect(levels('各区县领导小组开了几次会')).toEqual(['county']);
  });

  it('does not give the city\'s department a fact of a district\'s committee, nor ask every entry to name the city\'s', () => {
    const none = new Map();
    const profile = (text: string) => extractor.extract(text);
    const query = extractor.extract('德阳市委统战部拿出多少经费支持民革建党员之家', true);
    const district = profile('旌阳区委统战部提供6万元经费支持民革建党员之家');
    const city = profile('德阳市委统战部为每个党派争取项目经费');
    const unnamed = profile('德阳为每个党派争取项目经费');
    expect(entityAgreement(query, district, district, none)).toBeLessThan(1);
    expect(entityAgreement(query, city, city, none)).toBe(1);
    expect(entityAgreement(query, unnamed, unnamed, none)).toBe(1);
  });

  it('does not give a question about one whole (全省) the fact of an entry about another (全区)', () => {
    const none = new Map();
    const query = extractor.extract('面向全省基层统战干部的首期业务培训是谁讲的', true);
    const district = extractor.extract('面向全区基层统战干部的首期业务培训由隗斌贤主讲');
    const unnamed = extractor.extract('首期基层统战干部业务培训由隗斌贤主讲');
    const both = extractor.extract('面向全省和全区统战干部的培训由隗斌贤主讲');
    expect(entityAgreement(query, district, district, none)).toBeLessThan(1);
    expect(entityAgreement(query, unnamed, unnamed, none)).toBe(1);
    expect(entityAgreement(query, both, both, none)).toBe(1);
  });

  it('tells a full grade from a deputy one', () => {
    expect(levels('提拔了几名正处级干部')).toEqual(['正处']);
    expect(levels('推荐副县级和正科级干部各几名')).toEqual(['county', '副县', '正科']);
  });
});

describe('EntityExtractor names', () => {
  const extractor = new EntityExtractor(collectEntityNames([['德阳']]), ['德阳市委统战部']);

  it('names the bodies of the united front beside the parties', () => {
    expect([...extractor.extract('工商联在德阳基地负责什么', true).names]).toEqual(['工商联']);
    expect([...extractor.extract('民建和侨联一起办了什么', true).names].sort()).toEqual(['侨联', '民建']);
    // Non-party people are a body of their own, not the parties' members.
    expect([...extractor.extract('玉门的无党派人士有几个被聘请当监督员', true).names]).toEqual(['无党派']);
    const parties = extractor.extract('玉门民主党派成员中有5名被聘请为监督员');
    expect(entityAgreement(extractor.extract('玉门的无党派人士有几个被聘请当监督员', true), parties, parties, new Map())).toBeLessThan(0.5);
    // 民主党派和无党派人士 is one set phrase.
    expect([...extractor.extract('玉门民主党派和无党派人士有多少人当了人大代表', true).names]).toEqual(['人大']);
    expect([...extractor.extract('玉门的民主党派、无党派人士被聘为特约监督员的有几个', true).names]).toEqual([]);
  });

  it('names departments other than the united front work department, only as whole names', () => {
    expect([...extractor.extract('哈尔滨市委宣传部副部长分享了什么', true).names]).toEqual(['宣传部']);
    expect([...extractor.extract('德阳市委统战部分享了什么', true).names]).toEqual([]);
    expect([...extractor.extract('测试是依托什么平台办的', true).names]).toEqual([]);
    expect([...extractor.extract('几名成员被公安部门聘请为监督员', true).names]).toEqual(['公安部门']);
    expect([...extractor.extract('德阳市财政补了多少钱', true).names]).toEqual(['市财政']);
    // A party school is not the socialist institute (省市社院) the knowledge speaks of.
    expect([...extractor.extract('省市党校在小营红巷挂牌的是什么基地', true).names]).toEqual(['党校']);
  });

  it('takes a name the entry knows as a place for that place (甘肃兰州)', () => {
    const places = new EntityExtractor(collectEntityNames([['兰州', '金城新浪花'], ['甘肃']]), ['兰州依托联谊会开展金城新浪花系列活动']);
    const question = places.extract('甘肃兰州依托联谊会开展的金城新浪花活动理念是什么', true);
    const entry = places.extract('甘肃兰州依托联谊会开展金城新浪花系列活动');
    expect(entityAgreement(question, entry, entry, entry.places)).toBe(1);
  });
});

describe('EntityExtractor periods', () => {
  const extractor = new EntityExtractor([], ['玉门民主党派提交议案建议40余篇']);
  const profile = (text: string, isQuery = false) => extractor.extract(text, isQuery);
  const none = new Map();

  it('reads the periods a question names instead of a year', () => {
    expect([...profile('玉门前年提交了多少议案', true).periods]).toEqual(['前年']);
    expect([...profile('疫情之前每年捐款多少', true).periods].sort()).toEqual(['每年', '疫情前'].sort());
    expect([...profile('今年提交了多少议案', true).periods]).toEqual([]);
  });

  it('reads a figure a year as a period of its own, not a year asked about', () => {
    expect([...profile('德阳民革党员之家一年的运营经费是多少', true).periods]).toEqual(['每年']);
    expect([...profile('玉门民主党派年度理论学习方案').periods]).toEqual(['每年']);
    expect([...profile('中央统战部那一年一共决定召开几个片会', true).periods]).toEqual([]);
    expect([...profile('条例是哪一年发布的', true).periods]).toEqual([]);
    expect([...profile('2023年度统战工作十大创新案例', true).periods]).toEqual([]);
    const once = profile('旌阳区委统战部提供6万元经费，支持民革德阳市委建立民革党员之家');
    expect(entityAgreement(profile('德阳民革党员之家一年的运营经费是多少', true), once, once, none)).toBeLessThan(0.5);
  });

  it('tells one quarter from another, however it is written', () => {
    const normalised = (text: string) => profile(normaliseQuestion(text), true);
    expect([...normalised('同心筑第二季度安排了几场学习').periods]).toEqual(['二季度']);
    expect([...normalised('同心筑第一季度安排了几场学习').periods]).toEqual(['一季度']);
    expect([...normalised('同心筑第2季度安排了几场学习').periods]).toEqual(['二季度']);
    const entry = profile(normaliseQuestion('同心筑一季度16场学习计划'));
    expect(entityAgreement(normalised('同心筑第一季度安排了几场学习'), entry, entry, none)).toBe(1);
    expect(entityAgreement(normalised('同心筑第二季度安排了几场学习'), entry, entry, none)).toBeLessThan(0.5);
    expect([...normalised('每季度召开一次推进会').periods]).toEqual([]);
    // How often (一季度一次) names no quarter.
    expect([...normalised('推进会是一季度一次还是一月一次').periods]).toEqual([]);
    expect([...normalised('现场推进会一季度开一回吗').periods]).toEqual([]);
  });

  it('lowers the agreement of an entry that says nothing of the period asked about', () => {
    const entry = profile('玉门民主党派提交议案建议40余篇');
    expect(entityAgreement(profile('玉门前年提交了多少议案', true), entry, entry, none)).toBeLessThan(0.5);
    expect(entityAgreement(profile('玉门提交了多少议案', true), entry, entry, none)).toBe(1);
  });

  it('agrees with an estimate (一百二十几个, 两百多) when the entry writes a number within it', () => {
    const entry = profile('玉门全市共有民主党派成员126名');
    const asked = (text: string) => entityAgreement(profile(normaliseQuestion(text), true), entry, entry, none);
    expect(asked('玉门民主党派成员一百二十几个人吧')).toBe(1);
    expect(asked('玉门民主党派成员有120多人吧')).toBe(1);
    expect(asked('玉门民主党派成员两百多人吧')).toBeLessThan(0.6);
    expect(asked('玉门民主党派成员近100人吧')).toBeLessThan(0.6);
  });

  it('agrees with an estimate overlapping the entry\'s own (二十几个 against 近30个), and less with a figure of its source paragraph only', () => {
    const entry = profile('来自全国近30个地市的统战部门参加培训');
    expect(entityAgreement(profile(normaliseQuestion('培训有二十几个地市参加吗'), true), entry, entry, none)).toBe(1);
    const home = profile('民革党员之家建筑面积220余平方米');
    const paragraph = profile('德阳建成各类基地220余个');
    const bases = profile('德阳建了165个基地');
    expect(entityAgreement(profile(normaliseQuestion('德阳建了两百多个基地吧'), true), bases, bases, none, paragraph)).toBe(0.85);
    expect(entityAgreement(profile(normaliseQuestion('德阳建了两百多个基地吧'), true), bases, bases, none)).toBeLessThan(0.6);
    expect(entityAgreement(profile(normaliseQuestion('党员之家两百多平米吧'), true), home, home, none)).toBe(1);
  });

  it('reads a figure with 左右 or 上下 as an estimate, as much below as above', () => {
    const entry = profile('九三社员捐款捐物捐书近30万元');
    const asked = (text: string) => entityAgreement(profile(normaliseQuestion(text), true), entry, entry, none);
    expect(asked('九三社员捐了25万元左右吧')).toBe(1);
    expect(asked('九三社员捐了10万元左右吧')).toBeLessThan(0.6);
    expect(asked('九三社员捐了25万元吧')).toBeLessThan(0.6);
    expect(asked('九三社员捐了三十万左右吧')).toBe(1);
    const home = profile('民革党员之家建筑面积220余平方米');
    expect(entityAgreement(profile(normaliseQuestion('党员之家两百平米左右吧'), true), home, home, none)).toBe(1);
    expect([...profile(normaliseQuestion('带动30家上下游企业'), true).estimates]).toEqual([]);
  });

  it('takes the figure of an estimate as stated by the member', () => {
    expect([...statedNumbers(profile(normaliseQuestion('党员之家220多平米里读书区多大'), true))]).toEqual([220]);
    expect([...statedNumbers(profile(normaliseQuestion('党员之家有多大'), true))]).toEqual([]);
  });

  it('takes what the source paragraph of an entry names as context, not as something else', () => {
    const entry = profile('玉门民主党派提交议案建议40余篇');
    const passage = profile('去年以来，玉门市民主党派提交议案建议40余篇');
    const question = profile('去年玉门党派提交了多少议案', true);
    expect(entityAgreement(question, entry, entry, none, passage)).toBeGreaterThan(entityAgreement(question, entry, entry, none));
    expect(entityAgreement(question, entry, entry, none, passage)).toBeGreaterThanOrEqual(0.85);
  });

  it('does not take a party of the source paragraph as context for another party\'s fact', () => {
    const parties = new EntityExtractor(collectEntityNames([['民建', '民盟']]), ['民建会员之家位于蜀徽大酒店内']);
    const entry = parties.extract('德阳民建会员之家位于蜀徽大酒店内');
    const passage = passageContext(parties.extract('民建会员之家位于蜀徽大酒店内。民盟市委打造乡村文化振兴基地'), entry, entry);
    const rival = parties.extract('德阳民盟会员之家在哪个酒店', true);
    const own = parties.extract('德阳民建会员之家在哪个酒店', true);
    expect(entityAgreement(rival, entry, entry, none, passage)).toBe(entityAgreement(rival, entry, entry, none));
    expect(entityAgreement(rival, entry, entry, none, passage)).toBeLessThan(0.5);
    expect(entityAgreement(own, entry, entry, none, passage)).toBe(1);
  });

  it('does not take a party of the source paragraph as context for a figure of the parties together', () => {
    const parties = new EntityExtractor(collectEntityNames([['民革']]), ['民主党派基层组织对口联系村社区']);
    const entry = parties.extract('襄阳民主党派86个基层组织对口联系126个村社区');
    const paragraph = parties.extract('民革襄阳市委会协办。襄阳民主党派86个基层组织对口联系126个村社区');
    const passage = passageContext(paragraph, entry, entry, '襄阳民主党派86个基层组织对口联系126个村社区');
    const question = parties.extract('襄阳民革基层组织对口联系了多少个村社区', true);
    expect(entityAgreement(question, entry, entry, none, passage)).toBe(entityAgreement(question, entry, entry, none));
    expect(entityAgreement(question, entry, entry, none, passageContext(paragraph, entry, entry))).toBeGreaterThan(entityAgreement(question, entry, entry, none));
    // An answer that only mentions the parties (与各民主党派省委会联系…“革泸合作”正在推进) still takes the paragraph's 民革.
    const mention = passageContext(paragraph, entry, entry, '泸州主动与各民主党派省委会联系对接，“革泸合作”正在推进。');
    expect(entityAgreement(question, entry, entry, none, mention)).toBeGreaterThan(entityAgreement(question, entry, entry, none));
  });

  it('takes a place of the source paragraph as context only beside a place or name the entry has', () => {
    const places = new EntityExtractor(collectEntityNames([['玉门']]), ['玉门市政府工作部门', '嘉峪关市委会']);
    const entry = places.extract('玉门13个政府工作部门和党外人士建立对口联系');
    const passage = places.extract('九三学社嘉峪关市委会、玉门13个政府工作部门和党外人士建立对口联系');
    const subject = entry.places;
    const alone = places.extract('嘉峪关有几个政府工作部门和党外人士建立对口联系', true);
    const beside = places.extract('玉门和嘉峪关九三学社那次调研后有几个政府工作部门建立对口联系', true);
    expect(entityAgreement(alone, entry, entry, subject, passage)).toBe(entityAgreement(alone, entry, entry, subject));
    expect(entityAgreement(beside, entry, entry, subject, passage)).toBeGreaterThan(entityAgreement(beside, entry, entry, subject));
  });

  it('takes a place of the source paragraph within the entry\'s own place as where its fact is', () => {
    const places = new EntityExtractor(collectEntityNames([['杭州']]), ['首期业务培训']);
    const entry = places.extract('杭州小营面向全区基层统战干部的首期业务培训由隗斌贤主讲');
    const passage = places.extract('上城区小营街道面向全区基层统战干部举办首期业务培训');
    const question = places.extract('面向上城区基层统战干部的第一期业务培训是谁主讲的', true);
    expect(entityAgreement(question, entry, entry, entry.places, passage)).toBeGreaterThan(entityAgreement(question, entry, entry, entry.places));
    expect(entityAgreement(question, entry, entry, entry.places, passage)).toBeGreaterThanOrEqual(0.85);
  });

  it('weighs down an entry of a city for a question naming only its province', () => {
    const places = new EntityExtractor(collectEntityNames([['德阳']]), ['省级实践创新基地']);
    // The entry's own questions name the province too (四川省级基地德阳奖励多少).
    const entry = places.extract('四川德阳对新命名的省级实践创新基地奖励6万元');
    const subject = places.extract('德阳').places;
    const province = entityAgreement(places.extract('四川省对新命名的省级实践创新基地奖励多少', true), entry, entry, subject);
    const elsewhere = entityAgreement(places.extract('宜宾对新命名的省级实践创新基地奖励多少', true), entry, entry, subject);
    expect(province).toBeLessThan(entityAgreement(places.extract('德阳对新命名的省级实践创新基地奖励多少', true), entry, entry, subject));
    expect(province).toBeCloseTo(0.7);
    expect(elsewhere).toBeLessThan(0.8);
  });
});
