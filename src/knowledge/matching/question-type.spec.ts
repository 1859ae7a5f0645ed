import { normaliseQuestion } from './normalise';
import { partsAsked } from './parts';
import { answerFacts, factsAgreement, questionNeeds } from './question-type';
import { HomophoneCorrector } from './spelling';

const agreement = (question: string, answer: string) =>
  factsAgreement(questionNeeds(question), answerFacts(answer, answer, false), new Set());
/** As the index reads them: the question with its punctuation beside its normalised form. */
const agreementAsWritten = (question: string, answer: string) =>
  factsAgreement(questionNeeds(normaliseQuestion(question), question), answerFacts(normaliseQuestion(answer), normaliseQuestion(answer), false, answer), new Set());
/** The same, with the answer as written standing for all of the entry's texts. */
const withRaw = (question: string, answer: string) =>
  factsAgreement(questionNeeds(normaliseQuestion(question), question), answerFacts(normaliseQuestion(answer), answer, false, answer), new Set());

describe('details a question asks for', () => {
  it.each([
    ['陈列馆参观要门票吗', '农工党史料陈列馆获财政补助18万元。'],
    ['人才服务中心地址在哪', '泸州建成全省首个新阶层人才服务中心。'],
    ['这个服务站设在哪里', '泸州建成全省首个新阶层服务站。'],
    // An address wants a street or a number, not the community a thing is named after.
    ['培华社区那个同心驿站具体地址在哪', '成华区在培华社区打造同心驿站。'],
    ['工作室的服务怎么预约', '马奶奶工作室为居民调解邻里纠纷。'],
    ['同心讲吧多久搞一次活动', '玉门打造同心讲吧宣讲品牌。'],
    ['会员里女同志有多少', '玉门共有民主党派成员120名。'],
    ['126名民主党派成员里男女各多少人', '玉门市在126名民主党派成员中推荐使用副县级领导3名。'],
    ['我国一共有几个民主党派', '玉门共有民主党派成员120名。'],
    ['片会是哪一年开的', '5月17日在成都召开西部片会。'],
    // 去年 and 今年 are the year of a report, which a member reading the answer does not know.
    ['深圳会议是哪一年开的', '去年5月在深圳召开的会议标志着实践创新进入推广阶段。'],
    ['西部片会是哪一年开的', '今年中央统战部召开4个片会。'],
    // 年度 of an annual plan is no year.
    ['年度理论学习方案是哪一年制定的', '玉门制定民主党派年度理论学习方案。'],
    ['领导小组一年开几次会', '领导小组出台法规文件20余个。'],
    ['展示中心落地以后带来了多少产值', '围绕党的十九大提出的战略，紧承2018浙江国际健康产业领袖峰会召开和展示中心落地的契机。'],
    ['会员之家所在的酒店在哪条路', '民建会员之家位于蜀徽大酒店内。'],
    ['小营为什么取消了最美小营人评选', '小营结合“最美小营人”评选表彰，发掘统战人物典型。'],
    ['玉门民主党派在疫情期间没有组织捐款，请问原因是什么', '疫情防控期间，玉门市民主党派累计捐款捐物14余万元。'],
    ['邹晓东点名批评了哪个省', '邹晓东充分肯定了9个省区市取得的成绩。'],
    ['民革党员之家有多大，面积多少', '旌阳区委统战部提供6万元经费支持民革建党员之家。'],
    ['那5名监督员分别是哪个党派的', '玉门市有5名民主党派成员被聘请为监督员。'],
    ['5名人大代表分别是哪几个党派的', '玉门市民主党派成员中担任省人大代表的1名，担任酒泉市人大代表的3名。'],
    ['搞助学的是哪两个民主党派', '玉门市民主党派开展助学行动。'],
    ['新乡领导干部里谁带头学得最好', '坚持领导干部带头学、统战干部重点学、统战对象比照学。'],
    ['我想拿玉门跟我们县比，玉门民主党派成员算多吗', '玉门市有民主党派成员126名。'],
    ['泸州的联谊组织比襄阳多多少个', '泸州全市有统战联谊组织200余个。'],
    ['三年打造品牌的目标最后实现了没有', '软件园提出三年打造品牌的目标。'],
    ['联络服务站被撤并以后活动改到哪里', '协助打造了玉门市民主党派联络服务站。'],
    ['培训因为天气推迟了，最后改到哪天办的', '培训于2023年5月16日至19日在襄阳举办。'],
    ['运营红巷的壹群公益是谁创办的', '红巷同心筑由有统战背景的“壹群公益”运营。'],
    ['示范基地建成后取得了哪些成效', '软件园建设民族团结教育示范基地。'],
    ['陈列馆几点开门', '陈列馆获财政补助18万元。'],
    ['疫情期间那十四万多的捐款具体捐给了哪些单位', '疫情防控期间，玉门市民主党派累计捐款捐物14余万元。'],
    // One place's body is not another's.
    ['玉门民主党派成员里有几位担任玉门市人大代表', '玉门市民主党派成员中担任省人大代表的1名，担任酒泉市人大代表的3名。'],
    ['玉门有几位党外人士是襄阳市妇联执委', '德阳市妇联有党外执委5名。'],
    // A compound's head must be a noun the answer counts: 就业 is no 企业.
    ['园区入驻了多少家企业', '园区建成5个就业基地。'],
    // A division counted by one character: the answer counts 乡镇 and 村, not 县.
    ['基层组织对口联系了几个县', '襄阳推动民主党派56个基层组织对口联系25个乡镇（街道）、45个村（社区）。'],
    // The kinds or topics of something need an answer that lists or names them.
    ['那18件督办提案主要讲的是哪些方面的问题', '议案建议中有18件被列为督办。'],
    ['专家工作站主要在推广哪些农作物品种', '打造了“九三学社玉门专家工作站”科技兴农服务品牌。'],
    // An award or rating asked about needs an answer reporting one.
    ['几个发言城市里哪个的经验被评为第一', '襄阳、哈尔滨、新乡、泸州作了交流发言。'],
    ['同心讲吧获得过什么荣誉', '玉门创新打造“同心讲吧”宣传品牌。'],
    // How many a hall holds is not said by its area or its rooms.
    ['同心大讲堂每次能坐好多人伐', '红巷生活广场设有同心大讲堂、同心议事厅等场所。'],
    ['党员之家能同时坐多少人开会', '民革党员之家建筑面积220余平方米，设有会议活动区。'],
    // The time something is to be done by is a date asked, yes or no.
    ['新乡探索数字统战有没有定具体目标和完成时间', '新乡建议探索开展数字统战工作。'],
    ['数字统战有具体时间表吗', '新乡建议探索开展数字统战工作。'],
  ])('marks "%s" as not answered by "%s"', (question, answer) => {
    expect(agreement(question, answer)).toBeLessThan(1);
  });

  it.each([
    ['大讲堂能容纳多少人', '同心大讲堂可容纳200人。'],
    ['陈列馆参观要门票吗', '陈列馆免费开放,无需门票。'],
    ['片会是哪一年开的', '2023年5月17日在成都召开西部片会。'],
    ['软件园品牌建设的完成时间是哪年', '软件园计划到2025年底建成民族团结教育示范品牌。'],
    ['新疆实践创新基地建设有没有时间表', '软件园提出一年全面铺开、两年巩固提高、三年打造品牌的目标。'],
    // Asked with the month, the year of the report and its month are what the sources can say.
    ['深圳会议是哪年几月开的', '去年11月在深圳召开的会议标志着实践创新进入推广阶段。'],
    ['深圳会议是哪年哪月开的', '去年11月在深圳召开的会议标志着实践创新进入推广阶段。'],
    ['这个服务站设在哪里', '服务站位于泸州市江阳区酒城大道1号。'],
    ['同心讲吧多久搞一次活动', '同心讲吧每月举办一次宣讲。'],
    ['领导小组一年开几次会', '领导小组每年召开全体会议2次。'],
    ['出台了几篇文件', '领导小组出台法规文件20余个。'],
    ['泸州搞了几大专项行动', '泸州开展拼经济六大专项行动。'],
    ['基层组织对口联系了多少个村', '襄阳推动民主党派56个基层组织对口联系25个乡镇（街道）、45个村（社区）。'],
    ['基层组织对口联系了几个乡', '襄阳推动民主党派56个基层组织对口联系25个乡镇（街道）、45个村（社区）。'],
    ['服务站在哪条路上', '服务站位于泸州市江阳区酒城大道1号。'],
    ['服务站的具体地址在哪', '服务站位于泸州市江阳区酒城大道1号。'],
    ['捐款都捐给谁了', '社员向春香小学捐款捐物近30万元。'],
    ['同心驿站设在哪', '成华区在培华社区打造同心驿站。'],
    ['民革党员之家面积多少', '民革党员之家面积200平方米，设有展陈区。'],
    ['同心圆梦是哪些党派在做', '民盟、民进和农工党共同开展同心圆梦助学行动。'],
    ['重庆新阶层人士有多少人', '重庆市和成都市分别有140万和130万新的社会阶层人士。'],
    ['片会提出的几点要求里，统战部门要负起什么责任', '各级统战部门要切实负起牵头协调责任。'],
    ['小营要求统战工作者要做到哪几点', '小营要求社区统战工作者懂统战、会统战、善统战。'],
    ['基地常态开展哪些类型的活动', '基地常态开展扶贫助困、清廉教育、读书分享、交流研习等活动。'],
    ['玉门民主党派成员里有几位担任酒泉市人大代表', '玉门市民主党派成员中担任省人大代表的1名，担任酒泉市人大代表的3名。'],
    // 服务谁 asks whom it serves, not who did it.
    ['两跑一解是用来服务谁的', '襄阳搭建“两跑一解”平台，为民营企业跑审批、跑政策。'],
    // A department that paid says who paid.
    ['陈列馆装修布展的钱是谁出的', '德阳市财政为陈列馆装修布展补助18万元。'],
    // A compound counted by its head: 小项 by 子项目.
    ['服务分成几大类、多少个小项', '小营梳理出3大类10个特色服务子项目。'],
    // What is counted ends with its clause and with its nouns; a rank in the member's context is not asked.
    ['领导要求统战工作者达到几个标准，我记得小营有类似说法，具体是哪三个要求', '小营要求社区统战工作者懂统战、会统战、善统战三个标准。'],
    ['玉门有几个人受聘去给政法、教育这些部门当监督员', '玉门市有5名民主党派成员被法检、教育、审计等部门聘请为监督员。'],
    ['襄阳市妇联有几位党外执委', '襄阳市妇联有党外执委5名。'],
    // 开门迎客 is opening to visitors, not a time of day.
    ['展馆开门迎客以来接待过多少参观者', '陈列馆开馆以来累计接待参观者3万余人次。'],
    ['实验室主要做什么方向的研究', '实验室主要开展种子繁育方向的研究。'],
    ['玉门民主党派有多少人', '玉门全市共有126名民主党派成员。'],
    ['两跑一解被评为什么案例', '“两跑一解”服务民企被评为基层统战创新典型案例。'],
    ['红光印象被评为什么级别的基地', '红光印象被命名为省级实践创新基地。'],
    ['评选出来的最美小营人有哪些', '结合“最美小营人”评选表彰，编写程瑜等人的统战故事。'],
  ])('accepts an answer that gives it: "%s"', (question, answer) => {
    expect(agreement(question, answer)).toBe(1);
  });

  it('reads the details a long message asks for where it asks, though only its asking sentence is given', () => {
    const clause = '听说我们民盟和农工党一起搞了个助学行动的服务品牌，叫什么名字来着，我想去报名';
    // Told alone, the clause asks how to sign up; as the last sentence of a long message, 我想去报名 is its story.
    expect(questionNeeds(normaliseQuestion(clause), clause).details).toContain('booking');
    expect(questionNeeds(normaliseQuestion(clause), clause, normaliseQuestion, true).details).not.toContain('booking');
  });

  it('reads what a count counts in its own clause, not the next one', () => {
    const answer = '泸州累计命名基地13类、53个，打造特色点位100余个。';
    expect(agreementAsWritten('泸州命名的统战基地分了几类、总数多少？', answer)).toBe(1);
    expect(agreementAsWritten('泸州命名的统战基地分了几类，总数多少？', answer)).toBe(1);
  });

  it('reads a rank only where the question asks, not in the member\'s context', () => {
    const answer = '泸州依托人才服务中心、联谊会、专家服务团搭建平台。';
    expect(agreementAsWritten('我在区里做统战工作，科长让我学泸州的经验，泸州的人才工作靠哪几个平台？', answer)).toBe(1);
    expect(agreementAsWritten('泸州的人才工作是哪位科长牵头的？', answer)).toBeLessThan(1);
    // A question with no asking word still asks for the rank it names.
    expect(agreementAsWritten('请介绍泸州人才工作的牵头科长。', answer)).toBeLessThan(1);
  });
});

describe('amounts in 万', () => {
  it('reads 多少万 as money only when the question speaks of money', () => {
    expect(questionNeeds('重庆新阶层人士有多少万').quantity).toBe('any');
    expect(agreement('重庆新阶层人士有多少万', '重庆新阶层人士约120万人。')).toBe(1);
    expect(questionNeeds('德阳基地奖励多少万').quantity).toBe('money');
  });
});

describe('ranks in an order', () => {
  it('reads 第几 as asking for a rank, which 首个 or 第二 gives and a count does not', () => {
    expect(agreement('人才服务中心在全省排第几个', '泸州建成全省首个新阶层人才服务中心。')).toBe(1);
    expect(agreement('示范点是第几批的', '培华社区是第二批示范点。')).toBe(1);
    expect(agreement('人才服务中心在全省排第几个', '泸州建成3个人才服务中心。')).toBeLessThan(1);
  });

  it('does not read a rank as a count: 第二批 says no 多少个 nor 多少人', () => {
    const batch = '成华区培华社区社会组织统战工作创新示范点是全国第二批新的社会阶层人士统战工作实践创新重点项目。';
    expect(agreementAsWritten('成华区一共建了多少个社区社会组织统战示范点？', batch)).toBeLessThan(1);
    expect(agreementAsWritten('培华社区示范点联系了多少名社会组织从业人员', batch)).toBeLessThan(1);
    expect(agreementAsWritten('培华社区示范点是第几批的', batch)).toBe(1);
    expect(agreementAsWritten('成华区建了多少个示范点', '成华区建成第一批示范点3个。')).toBe(1);
    // 第三届 and 第3次 also say how many were held.
    expect(agreementAsWritten('峰会一共办了多少届', '小营承办了第三届峰会。')).toBe(1);
  });
});

describe('who did it', () => {
  it('is answered by a body the answer names, not by 统战部 alone', () => {
    expect(agreement('水系连通调研是玉门配合谁做的', '玉门市配合九三学社酒泉市委会完成了专题调研。')).toBe(1);
    expect(agreement('项目经费是谁争取的', '德阳为每个党派争取到项目经费20万元。')).toBeLessThan(1);
    // People named by what they are, doing what is asked, say who.
    expect(agreement('新乡学条例分几个层次，谁带头学', '坚持领导干部带头学、统战干部重点学、统战对象比照学。')).toBe(1);
    expect(agreement('新乡学条例谁带头学', '新乡组织统战干部集中学习条例。')).toBeLessThan(1);
    expect(agreement('项目经费是谁争取的', '市委统战部为每个党派争取到项目经费20万元。')).toBeLessThan(1);
  });

  it('reads 哪些区 inside something as its areas, elsewhere as districts', () => {
    const layout = '民革党员之家设有休闲交流区、读书阅览区和会议活动区。';
    expect(agreement('这个党员之家里面是有哪些区', layout)).toBe(1);
    expect(agreement('德阳有哪些区建了实践基地', layout)).toBeLessThan(1);
    expect(agreement('德阳有哪些区建了实践基地', '旌阳区、罗江区建了实践基地。')).toBe(1);
  });
});

describe('what a count counts', () => {
  it('does not answer how many parties with a count of their members', () => {
    expect(agreement('玉门有多少个民主党派', '玉门全市共有126名民主党派成员。')).toBeLessThan(1);
    expect(agreement('玉门有多少名民主党派成员', '玉门全市共有126名民主党派成员。')).toBe(1);
    expect(agreement('红巷同心筑一季度排了多少场学习', '红巷同心筑一季度16场学习计划全面覆盖各项内容。')).toBe(1);
    // Measure words name what is counted: questions (道), copies (份), households (户), teams (支, 队).
    expect(agreement('知识测试一共出了多少道题', '知识测试吸引了7万余人次参与。')).toBeLessThan(1);
    expect(agreement('知识测试一共出了多少道题', '知识测试共设置30道题。')).toBe(1);
    expect(agreement('组建了几支服务队', '组建了12支服务队。')).toBe(1);
    // A bracket names the same thing again (乡镇（街道）); 几次片会 counts meetings, as 4个片会 does.
    expect(agreement('对口联系了多少个乡镇', '56个基层组织对口联系25个乡镇（街道）、45个村（社区）。')).toBe(1);
    expect(agreement('今年一共开几次片会', '中央统战部决定今年召开4个片会。')).toBe(1);
    expect(agreement('今年一共开几次片会', '中央统战部今年召开4个片区工作会议。')).toBeLessThan(1);
    expect(agreement('联谊组织有多少个哈', '全市有统战联谊组织200余个。')).toBe(1);
  });

  it('does not answer a count of a thing the entry never writes of with another count', () => {
    expect(agreement('创客联邦入驻了多少家企业', '创客联邦形成了“4个有”统战功能。')).toBeLessThan(1);
    expect(agreement('创客联邦入驻了多少家企业', '创客联邦入驻民营企业120家。')).toBe(1);
    // A verb may qualify what is counted (入驻企业): the noun that ends the phrase is counted.
    expect(agreement('创客联邦有多少家入驻企业', '创客联邦形成了“4个有”统战功能。')).toBeLessThan(1);
    expect(agreement('创客联邦有多少家入驻企业', '创客联邦入驻民营企业120家。')).toBe(1);
    // After 多少人 comes what they did, not what is counted; 哪几个 asks which, not how many.
    expect(agreement('陈列馆开馆以来有多少人去看过', '陈列馆累计接待3万余人次。')).toBe(1);
    expect(agreement('同心圆梦是哪几个党派在做', '民盟、民进和农工党共同开展同心圆梦助学行动。')).toBe(1);
  });

  it('reads what is counted before the count, after the whole it is part of', () => {
    expect(agreement('重庆140万新阶层人士里网络大V有多少个', '重庆市和成都市分别有140万和130万新的社会阶层人士。')).toBeLessThan(1);
    expect(agreement('重庆的新阶层人士有多少', '重庆市和成都市分别有140万和130万新的社会阶层人士。')).toBe(1);
    expect(agreement('这些基地里国家级基地有几个', '德阳建成国家级基地3个、省级基地12个。')).toBe(1);
  });

  it('needs the figure beside the thing measured, not beside the whole it is part of', () => {
    const home = '德阳民革党员之家设有休闲交流区、读书阅览区和会议活动区，建筑面积220余平方米。';
    expect(agreement('民革党员之家里的会议活动区有多少平方', home)).toBeLessThan(1);
    expect(agreement('民革党员之家里的读书阅览区有多大面积', home)).toBeLessThan(1);
    expect(agreement('德阳民革党员之家的面积有多大', home)).toBe(1);
    expect(
      agreement('和党外人士建立了对口联系的政府部门有多少个', '玉门建立了党外人士与政府部门对口联系制度，13个政府工作部门和党外人士建立了对口联系。'),
    ).toBe(1);
  });
});

describe('what the member tells before asking', () => {
  it('reads something done a few times as told, when the question asks with another word', () => {
    const goal = '德阳民进“同心公益”实践教育基地以“修善心、重善行、尽善美、求善果”为目标。';
    const question = '我在“同心公益”基地参加过几回读书分享，听说这个基地定了四个带“善”字的目标，具体是哪四个啊？';
    expect(agreementAsWritten(question, goal)).toBe(1);
    // Asked how many, it is a count.
    expect(agreementAsWritten('我参加过读书分享，基地一共办了几回读书分享？', goal)).toBeLessThan(1);
    expect(agreementAsWritten('所里有几位律师是新阶层人士，银川打造了一个什么服务团？', '银川打造了“同心律师服务团”。')).toBe(1);
    // Asked which they are, the count before is asked too.
    expect(agreementAsWritten('玉门有几个民主党派，分别是哪些？', '玉门全市共有126名民主党派成员。')).toBeLessThan(1);
  });

  it('reads the measure a long question asks for where it asks, not in what the member says of themselves', () => {
    const needs = (q: string) => questionNeeds(normaliseQuestion(q), q);
    const layered = '我们社区最近组织学新乡的经验，讲到条例的学习是分了层次的，领导干部怎么学，统战对象又怎么学？我这个岁数了一下子记不住，麻烦你再说一遍';
    expect(needs(layered).quantity).toBeUndefined();
    // Named in the topic before the member's own clauses, the measure is still asked.
    expect(needs('德阳农工党史料陈列馆的建筑面积，我前段时间听一个朋友说起过，但是具体数字我给忘了，你能告诉我吗？').quantity).toBe('area');
    expect(needs('我们社区最近组织学新乡的经验，讲到那位作交流发言的同志，他今年多大岁数了？麻烦你说一下').quantity).toBe('age');
  });

  it('reads 多少 before people with no measure word as a head count', () => {
    const needs = (q: string) => questionNeeds(normaliseQuestion(q), q);
    expect(needs('深圳现在有多少新阶层人士').quantity).toBe('people');
    expect(needs('贵阳高新区联谊会现在有多少会员？').quantity).toBe('people');
    expect(needs('襄阳建了多少个基地').quantity).toBe('count');
    expect(needs('德阳给了多少经费').quantity).toBe('money');
    // What the people word describes is counted (党员之家, 实践创新城市, 成员单位).
    expect(needs('德阳建了多少党员之家').quantity).not.toBe('people');
    expect(needs('现在有多少新阶层实践创新城市').quantity).not.toBe('people');
    expect(needs('成都片会有多少成员单位参加').quantity).not.toBe('people');
    // A head count is not given by a count of cities.
    expect(agreement('深圳现在有多少新阶层人士', '深圳会议后，实践创新城市由15个增加到49个。')).toBeLessThan(1);
    expect(agreement('重庆有多少新阶层人士', '重庆有140万新的社会阶层人士。')).toBe(1);
  });

  it('reads which of a few the member knows of as asked, not how many (后面几句是什么)', () => {
    const needs = (q: string) => questionNeeds(normaliseQuestion(q), q);
    expect(needs('襄阳的组织网络坚持“主体在县”，后面几句是什么').quantity).toBeUndefined();
    expect(needs('襄阳的组织网络坚持“主体在县”，后面还有几句').quantity).toBe('any');
    expect(needs('玉门有几个党派').quantity).toBe('count');
  });

  it('reads a space between words as the end of a clause, as members typing without punctuation pause', () => {
    const aid = '玉门民盟、农工党联合开展“同心圆梦”助学行动。';
    expect(agreementAsWritten('我们准备搞个助学项目 想找找经验 玉门民盟和农工党那个助学行动叫什么名字？', aid)).toBe(1);
    // Said where it asks, the plan is asked.
    expect(agreementAsWritten('玉门民盟和农工党 准备再搞个什么助学行动？', aid)).toBeLessThan(1);
  });
});

describe('measures read as members use them', () => {
  it('reads 几块 as pieces, 份 as papers of any kind, 由谁组成 as who the members are, 合起来的 as no sum', () => {
    const catalog = '玉门拟定会议制度、工作制度等8个模块20条具体制度。';
    expect(agreement('玉门那份党派制度参考目录分成几块、一共多少条', catalog)).toBe(1);
    expect(agreement('玉门党派成员一年一共交了多少份议案和建议', '玉门民主党派成员全年提交议案、建议40余篇。')).toBe(1);
    // 件 and 篇 may count different papers.
    expect(agreement('被列入督办的提案有多少件', '玉门民主党派成员全年提交议案、建议40余篇。')).toBeLessThan(1);
    expect(agreement('襄阳智囊团由谁组成', '襄阳组建由专家学者、企业家组成的智囊团。')).toBe(1);
    expect(agreement('把线上线下两条渠道和活动阵地合起来的宣传格局叫什么名字', '“两翼多点”宣传矩阵以线上线下双渠道联动。')).toBe(1);
    expect(agreement('两个基地的投入合起来一共多少', '甲基地投入300万元。')).toBeLessThan(1);
  });
});

describe('a count the question states', () => {
  it('is a false premise where the answer counts the same thing otherwise', () => {
    const cities = '西部9省区市有创新试点城市2个、创新推广城市8个。';
    expect(agreementAsWritten('西部9省区市有5个创新试点城市，分别是哪5个？', cities)).toBeLessThan(1);
    expect(agreementAsWritten('西部有2个创新试点城市，创新推广城市有几个？', cities)).toBe(1);
    // A count of something the answer does not count is the member's own.
    expect(agreementAsWritten('我们县有5个基地，西部有几个创新试点城市？', cities)).toBe(1);
  });
});

describe('a score', () => {
  it('is not given by a head count, nor by 十分 as "very"', () => {
    expect(agreement('参会代表给培训效果打了多少分', '培训满意度评分达到98.5分。')).toBe(1);
    expect(agreement('参会代表给培训效果打了多少分', '来自全国60多个地市的160多人参加培训。')).toBeLessThan(1);
    expect(agreement('参会代表给培训效果打了多少分', '这次培训十分成功。')).toBeLessThan(1);
  });
});

describe('how many years', () => {
  it('needs an answer that gives a number of years', () => {
    expect(agreement('政协委员多少年换一届', '玉门市民主党派成员中有玉门市政协委员17名。')).toBeLessThan(1);
    expect(agreement('新疆搞实践创新基地几年的目标是怎么定的', '新疆按照一年全面铺开、两年巩固提高、三年打造品牌的工作目标推进。')).toBe(1);
    expect(agreement('新疆定的工作目标里，第几年要打造出品牌', '新疆按照一年全面铺开、两年巩固提高、三年打造品牌的工作目标推进。')).toBe(1);
    expect(agreement('德阳在哪几年命名了省级基地', '德阳命名省级基地12个。')).toBe(1);
    expect(agreement('玉门有多少年轻干部', '玉门有年轻干部20名。')).toBe(1);
    // A date in Chinese digits, or 一年一度, is no number of years.
    expect(agreement('这个活动办了多少年', '二〇二三年举办了这个活动。')).toBeLessThan(1);
    expect(agreement('这个活动办了多少年', '这是一年一度的活动。')).toBeLessThan(1);
    // 近几年 says when, not how long.
    expect(agreement('近几年玉门提交了多少议案', '玉门民主党派成员提交议案建议40余篇。')).toBe(1);
  });
});

describe('one item of a list counted only together', () => {
  const catalog = '玉门市建立民主党派制度参考目录清单，拟定会议制度、理论学习制度、工作制度、民主监督制度、日常管理制度、组织建设制度等8个模块20条具体制度。';

  it('does not answer how many of one item with the count of the whole list', () => {
    expect(agreementAsWritten('玉门民主党派制度目录里，民主监督制度具体有几条', catalog)).toBeLessThan(1);
    expect(agreementAsWritten('玉門那20條具體制度裡，日常管理制度有幾條？', catalog)).toBeLessThan(1);
  });

  it('reads the first item without the verb that opens the list, two items named, and only where the question counts', () => {
    expect(agreementAsWritten('会议制度有几条', catalog)).toBeLessThan(1);
    expect(agreementAsWritten('民主监督制度和工作制度各有几条', catalog)).toBeLessThan(1);
    expect(agreementAsWritten('民主监督制度我了解了，目录分了几个模块', catalog)).toBe(1);
  });

  it('answers how many in all, of the list or with one item included', () => {
    expect(agreementAsWritten('玉门民主党派制度目录一共有几个模块、多少条制度', catalog)).toBe(1);
    expect(agreementAsWritten('连民主监督制度在内，制度目录一共多少条', catalog)).toBe(1);
    // An item with a figure of its own is counted by it.
    expect(agreementAsWritten('国家级基地有几个', '德阳建成国家级基地3个、省级基地12个、市级基地20个等35个基地。')).toBe(1);
  });
});

describe('who a person is', () => {
  it('needs an answer that names or titles a person for 哪位 or a question about people\'s names', () => {
    expect(agreement('片会上是哪位领导做的发言', '贵州、云南等省区作了交流发言。')).toBeLessThan(1);
    expect(agreement('被聘为监督员的成员都叫什么名字', '玉门聘请5名民主党派成员为特约监督员。')).toBeLessThan(1);
    expect(agreement('片会上是哪位领导做的发言', '中央统战部副部长邹晓东出席会议并讲话。')).toBe(1);
    expect(agreement('马奶奶工作室是哪一位老人办的', '“马奶奶”工作室是回族马丽华的工作室。')).toBe(1);
    expect(agreement('基地依托的手艺人叫什么名字', '依托德阳潮扇传承人打造公益实践教育基地。')).toBe(1);
  });

  it('is not given by a calling counted or naming a body', () => {
    expect(agreement('工作站是哪位院士牵头的', '九三学社市委联合旌阳区委统战部组建院士专家工作站。')).toBeLessThan(1);
    expect(agreement('那17个市政协委员都叫什么名字', '民主党派成员中有17名市政协委员。')).toBeLessThan(1);
    expect(agreement('当省人大代表的是哪位', '民主党派成员中省人大代表1名。')).toBeLessThan(1);
    expect(agreement('工作站是哪位院士牵头的', '九三学社市委邀请院士李某牵头组建工作站。')).toBe(1);
    expect(agreement('讲座是哪位主讲的', '省社院副院长隗斌贤主讲。')).toBe(1);
    expect(agreement('当省人大代表的是哪位', '民主党派成员中省人大代表的1名。')).toBeLessThan(1);
    expect(agreement('结对的是哪位领导', '民革旌阳总支接对中共旌阳区政府办机关委员会。')).toBeLessThan(1);
  });

  it('is given by a name jieba does not know after a common surname, not by a word after a surname-like character', () => {
    const givesPerson = (answer: string) => answerFacts(answer, answer, false).details.has('person');
    expect(givesPerson('“社区名医讲堂”是杜天厚的统战特色品牌，与“律师工作室”等一起提升认知度。')).toBe(true);
    expect(givesPerson('“社区名医讲堂”是社区的统战特色品牌，与“律师工作室”等一起提升认知度。')).toBe(false);
    expect(givesPerson('红巷·同心筑借助运营方“壹群公益”的统战背景，实现统战资源整合联动。')).toBe(false);
    expect(givesPerson('“马奶奶”工作室是回族马丽华的工作室。')).toBe(true);
    expect(givesPerson('在红光印象组建院士专家工作站。')).toBe(false);
    expect(givesPerson('农工党史料陈列馆培育新型高素质农民。')).toBe(false);
    expect(givesPerson('李老师站在讲台上讲课。')).toBe(true);
    expect(givesPerson('3名党员参加，由王主任牵头。')).toBe(true);
    expect(givesPerson('对程瑜、王轶磊、徐荣培等最美人物编写统战故事。')).toBe(true);
  });
});

describe('comparisons and plans', () => {
  it('needs an answer that compares or ranks for a question that asks to', () => {
    expect(agreement('两个基地哪个投入更大', '甲基地投入300万元,乙基地投入200万元。')).toBeLessThan(1);
    expect(agreement('这个活动的参与人数是不是最多的', '活动吸引5万人次参与。')).toBeLessThan(1);
    expect(agreement('重庆和成都的新阶层人士哪边增长得更快', '重庆、成都的新阶层人士分别有120万、130万。')).toBeLessThan(1);
    expect(agreement('泸州跟宜宾比，谁的基地多', '泸州命名基地12个。')).toBeLessThan(1);
    expect(agreement('成都和重庆的新阶层工作，哪里起步早一些', '重庆新阶层统战工作起步于2016年。')).toBeLessThan(1);
    expect(agreement('成都和重庆哪个起步早些', '重庆新阶层统战工作起步于2016年。')).toBeLessThan(1);
    expect(agreement('泸州的基地跟宜宾比多不多', '泸州命名基地12个。')).toBeLessThan(1);
    // A comparison the member states as context is not asked for.
    expect(agreement('文章说跟沿海大城市比都不逊色，成都有多少新阶层人士', '成都有130万新的社会阶层人士。')).toBe(1);
    // Nor is one the member is to make with the figures asked for.
    expect(agreement('领导让我跟玉门对比一下，玉门提拔了几个正科级', '玉门提拔使用正科级3名。')).toBe(1);
    expect(agreement('我想拿我们县跟玉门比一下，玉门提拔了几个正科级', '玉门提拔使用正科级3名。')).toBe(1);
    expect(agreement('我们县跟玉门比一下，哪个提拔的多', '玉门提拔使用正科级3名。')).toBeLessThan(1);
    expect(agreement('德阳市委统战部给哪几个党派争取到了项目经费', '德阳市委统战部为每个党派争取项目经费20万元。')).toBe(1);
    expect(agreement('几个基地里哪个接待的人最多', '陈列馆接待参观2万余人次。')).toBeLessThan(1);
    expect(agreement('几个基地里哪个接待的人最多', '陈列馆接待参观2万余人次,居全市基地之首。')).toBe(1);
    expect(agreement('哪个阵地服务的居民最多', '小营打造了最美工作室等社区品牌阵地。')).toBeLessThan(1);
    expect(agreement('这个活动的参与人数是不是最多的', '活动吸引5万人次参与,为全省最多。')).toBe(1);
    expect(agreement('兰州把新阶层人士比作什么', '兰州把新阶层人士比作浪花。')).toBe(1);
  });

  it('reads a difference from another year and a place in a ranking as comparisons', () => {
    expect(agreement('今年交的议案建议比去年多了多少篇', '玉门民主党派成员全年提交议案、建议40余篇。')).toBeLessThan(1);
    expect(agreement('同心筑一季度的学习场次比上城区其他统战阵地多多少', '同心筑一季度共安排学习16场。')).toBeLessThan(1);
    expect(agreement('评比中表现突出的单位至少有几个', '评比中有5个单位表现突出。')).toBe(1);
    expect(agreement('议案数量同比增长了多少', '玉门民主党派成员全年提交议案、建议40余篇。')).toBeLessThan(1);
    expect(agreement('126名党派成员在酒泉各县市里排老几', '玉门市有民主党派成员126名。')).toBeLessThan(1);
    expect(agreement('小营街道的统战工作在上城区各街道中排名如何', '小营街道推进基层统战工作立足于三同三化。')).toBeLessThan(1);
    expect(agreement('这个基地在全省排在什么位置', '陈列馆接待参观2万余人次。')).toBeLessThan(1);
    expect(agreement('襄阳建了165个基地，这在全省排前几', '襄阳建立各领域统战实践创新基地165个。')).toBeLessThan(1);
    expect(agreement('小营的基层统战在杭州各街道里排得上前几名吗', '小营街道着力实现一街一品、一居一特的基层统战格局。')).toBeLessThan(1);
    expect(agreement('这个基地在全省排名怎么样', '陈列馆接待参观2万余人次,居全市基地之首。')).toBe(1);
    // A batch or a first gives where it stands; 安排在 asks where, not a ranking.
    expect(agreement('培华社区示范点在全国重点项目里排在什么位置', '培华社区示范点是全国第二批重点项目。')).toBe(1);
    expect(agreement('泸州统战人才服务中心在全省排名如何', '泸州建成全省首个统战人才服务中心。')).toBe(1);
    expect(agreement('民建会员之家的陈列室安排在什么位置', '民建会员之家位于蜀徽大酒店，五楼设陈列室。')).toBe(1);
    // 最大公约数 ranks nothing.
    expect(agreement('西藏新阶层统战工作在西部排名怎么样', '西藏找到新阶层统战工作的最大公约数。')).toBeLessThan(1);
    expect(agreement('这个人数在全省算多的吗', '玉门市有民主党派成员126名。')).toBeLessThan(1);
    expect(agreement('哈尔滨和新乡出台的法规文件加起来一共多少个', '哈尔滨出台统战法规文件20余个。')).toBeLessThan(1);
    expect(agreement('玉门和酒泉的民主党派成员加起来有多少', '玉门全市共有民主党派成员126名。')).toBeLessThan(1);
    // 结合起来 joins two things; it sums nothing.
    expect(agreement('把组织活动和主题党日结合起来的品牌叫什么', '民革打造“以党为师”活动品牌，把组织活动和主题党日结合起来。')).toBe(1);
    expect(agreement('今年交的议案建议比去年多了多少篇', '全年提交议案、建议40余篇，同比增长20%。')).toBe(1);
    expect(agreement('项目经费比以前多了多少', '每个党派的项目经费增加至20万元。')).toBe(1);
  });

  it('needs an answer that states a plan for a question about what comes next', () => {
    expect(agreement('下一届评选在哪里办', '首届评选在德阳举办。')).toBeLessThan(1);
    expect(agreement('明年补助标准会不会提高', '市级基地补助5万元。')).toBeLessThan(1);
    expect(agreement('襄阳行的下一站是哪里', '基层统战工作实践创新襄阳行在襄阳举办。')).toBeLessThan(1);
    expect(agreement('襄阳行这种培训下回在哪儿办', '基层统战工作实践创新襄阳行在湖北襄阳举办。')).toBeLessThan(1);
    expect(agreement('新乡那个知识测试以后还会再搞吗', '新乡依托微信平台开展学统战条例知识测试。')).toBeLessThan(1);
    expect(agreement('玉门下一年准备帮党派打造什么品牌', '玉门打造同心讲吧品牌。')).toBeLessThan(1);
    expect(agreement('明年补助标准会不会提高', '明年起市级基地补助将提高到8万元。')).toBe(1);
    expect(agreement('基地建好以后谁来管', '基地由九三学社德阳市委会负责管理。')).toBe(1);
  });

  it('reads a plan asked where the question asks, not the member\'s own plans before it', () => {
    expect(withRaw('红巷同心筑下个季度准备开哪些课，有安排吗', '红巷同心筑一季度16场学习计划全面覆盖十九大精神。')).toBeLessThan(1);
    expect(withRaw('玉门下个月准备搞哪些同心讲堂活动', '玉门广泛开展“同心讲堂”等活动。')).toBeLessThan(1);
    expect(withRaw('我们支部下个月想去德阳学习，红光印象引进了多少个新品种', '红光印象帮助引进新品种52个。')).toBe(1);
    expect(withRaw('我在给领导准备一份材料，哈尔滨的工作闭环分别抓些什么', '形成年初抓计划安排、年中抓督促落实、年底抓考核评价的工作闭环。')).toBe(1);
  });

  it('reads the details a long question asks for where it asks, not in the story before', () => {
    const mediation = '泸州建立“石榴籽”调解体系，维护民族地区稳定。';
    expect(withRaw('泸州在民族地区稳定方面好像搞了个调解体系，我之前在公众号上看到过，名字挺有意思的但是忘了，泸州建的是什么调解体系', mediation)).toBe(1);
    expect(withRaw('泸州建的调解体系有公众号吗', mediation)).toBeLessThan(1);
    const summit = '借2018浙江国际健康产业领袖峰会召开、上城区智慧健康产业展示中心落地小营的契机。';
    expect(withRaw('我们区明年也想围绕健康产业做统战工作，听说小营借了一个峰会和一个展示中心的契机，这个峰会和展示中心分别叫什么', summit)).toBe(1);
    expect(withRaw('小营明年还会借哪个峰会的契机', summit)).toBeLessThan(1);
  });

  it('reads where a meeting is held as asking for a venue, and a room or a workshop\'s place as a location', () => {
    expect(agreement('今年剩下那几场片会分别在哪儿开', '中央统战部今年召开4个片会，把临近的省区市召集起来。')).toBeLessThan(1);
    const fourMeetings = '中央统战部决定今年召开4个片会，把地理位置临近、工作资源条件相近的省区市召集起来。';
    expect(agreementAsWritten('中央统战部剩下那三个片会安排在哪些地方开？', fourMeetings)).toBeLessThan(1);
    expect(agreementAsWritten('片会在哪里、什么时候开？', '西部片会于5月17日在成都召开。')).toBe(1);
    // In a clause of its own after the meeting, and after 在哪 with the time asked between.
    expect(agreementAsWritten('今年剩下的几场片会，分别在哪里、什么时候开？', '西部片会于5月17日召开。')).toBeLessThan(1);
    expect(agreementAsWritten('片会分别在哪里、什么时候开？', '西部片会于5月17日召开。')).toBeLessThan(1);
    expect(questionNeeds(normaliseQuestion('片会在哪个领导主持下开的'), '片会在哪个领导主持下开的').details).not.toContain('venue');
    // The meeting told after the question (在哪开啊，剩下那几个片会).
    expect(questionNeeds(normaliseQuestion('在哪开啊，剩下那几个片会？'), '在哪开啊，剩下那几个片会？').details).toContain('venue');
    for (const text of ['片会在哪几天开', '论坛在哪方面展开讨论', '德阳推进会上提到的民革党员之家，在哪里开的']) {
      expect(questionNeeds(normaliseQuestion(text), text).details).not.toContain('venue');
    }
    expect(agreement('西部片会是在哪里举行的', '西部片会于5月17日在成都召开。')).toBe(1);
    expect(agreement('马奶奶工作室在哪开的', '马奶奶工作室位于老浙大社区。')).toBe(1);
    expect(agreement('同心圆桌会在哪举行', '红巷生活广场设有九三之家·同心圆桌会。')).toBe(1);
    expect(agreementAsWritten('拉萨爱心小书屋建在哪', '拉萨“爱心小书屋”推动建设偏远乡镇小学书屋。')).toBe(1);
    expect(agreementAsWritten('拉萨爱心小书屋建在哪', '拉萨“爱心小书屋”培育热爱祖国的高尚情怀。')).toBeLessThan(1);
    expect(agreementAsWritten('拉萨爱心小书屋建在哪', '拉萨“爱心小书屋”覆盖全市各乡镇。')).toBeLessThan(1);
    // A place the answer names says where (深圳会议 was held in 深圳).
    const shenzhen = '去年11月的深圳会议标志着实践创新进入推广期。';
    expect(factsAgreement(questionNeeds('深圳会议在哪开的'), answerFacts(shenzhen, shenzhen, true), new Set())).toBe(1);
    expect(factsAgreement(questionNeeds('深圳会议在哪开的'), answerFacts(shenzhen, shenzhen, false), new Set())).toBeLessThan(1);
  });

  it('reads 第三个 after items the member recites as the list\'s third item, and 第二个 before a listed item as another of it', () => {
    const skills = '小营确保一线统战工作者懂统战、会统战、善统战。';
    expect(agreementAsWritten('小营对一线统战工作者有个要求，好像是懂统战、会统战，后面还有一个，到底第三个是什么', skills)).toBe(1);
    expect(agreementAsWritten('小营对一线统战工作者有个要求，到底第三个是什么', skills)).toBeLessThan(1);
    const plans = '玉门市制定印发了加强民主党派队伍建设的意见、民主党派制度建设年工作方案等。';
    expect(agreementAsWritten('玉门第二个民主党派制度建设年的工作方案有哪些新内容', plans)).toBeLessThan(1);
  });

  it('reads a month asked as answered by a month or a time of year, not by a season or a frequency', () => {
    expect(agreementAsWritten('玉门的理论学习方案是哪个月印发的', '玉门市制定了年度理论学习方案，按季度协助各民主党派制定学习计划。')).toBeLessThan(1);
    expect(agreementAsWritten('玉门的理论学习方案是哪个月印发的', '玉门市于3月印发了年度理论学习方案。')).toBe(1);
    expect(agreementAsWritten('红巷的批示是哪个月作的', '2017年底，佟桂莉对红巷作出批示。')).toBe(1);
    expect(agreementAsWritten('玉门的理论学习方案是哪年印发的', '玉门市2021年制定了年度理论学习方案。')).toBe(1);
  });

  it('reads the others of a set as asked only by an answer listing several', () => {
    expect(agreementAsWritten('中央统战部另外三个片会分别是什么时候开', '西部片会于5月17日在成都召开。')).toBeLessThan(1);
    expect(agreementAsWritten('统一战线是三大法宝之一，另外两个法宝是什么', '三大法宝是统一战线、武装斗争、党的建设。')).toBe(1);
    // 剩下的几个 is read as 剩下的多少个 once normalised.
    expect(agreementAsWritten('剩下的几个片会有哪些', '西部片会于5月17日在成都召开。')).toBeLessThan(1);
    // How many are left is a count, not the others themselves.
    expect(questionNeeds(normaliseQuestion('还剩下多少个名额'), '还剩下多少个名额').details).not.toContain('others');
  });

  it('reads 微信号是多少 as asking for an account, not a figure', () => {
    expect(agreement('片会那篇文章转自哪个公众号，微信号是多少', '这篇文章转载自微信号“统战新语”（tongzhanxinyu）。')).toBe(1);
    expect(agreement('片会那篇文章转自哪个公众号，微信号是多少', '这篇文章转载自“统战新语”。')).toBeLessThan(1);
    // Figures about an account still ask for a figure; a platform mentioned is no account.
    expect(agreement('红巷景区公众号粉丝有多少', '红巷景区微信公众平台已新增统战服务界面。')).toBeLessThan(1);
    expect(agreement('红巷景区微信公众号是多少', '红巷景区微信公众平台已新增统战服务界面。')).toBeLessThan(1);
  });

  it('reads a long question\'s asking clauses with its typos corrected, as the rest of it', () => {
    const spelling = new HomophoneCorrector([normaliseQuestion('活动报名地址在社区服务中心。')]);
    const corrected = (text: string) => spelling.correct(normaliseQuestion(text));
    const question = '我们单位有几位老同志想去参加，之前在报纸上看到过这个活动，想请问一下活动报名地止在哪里';
    expect(questionNeeds(corrected(question), question, corrected).details).toContain('address');
    expect(questionNeeds(corrected(question), question).details).not.toContain('address');
  });
});

describe('a reason or a ranking asked for', () => {
  it.each([
    ['会员之家为什么要搬走', '民建会员之家位于蜀徽大酒店内。'],
    ['竞争激励里哪个党派排第一', '印发《2023年度市级各民主党派竞争激励实施办法》。'],
    ['郁达夫故居和钱学森故居哪个参观的人更多', '红色之旅串联了毛主席纪念馆、第一党小组、郁达夫故居、钱学森故居。'],
    ['那5名监督员分别叫什么名字', '玉门市有5名民主党派成员被聘请为监督员。'],
  ])('marks "%s" as not answered by "%s"', (question, answer) => {
    expect(agreement(question, answer)).toBeLessThan(1);
  });

  it.each([
    ['为什么专门开西部片会', '专门召开西部地区片会，体现了西部地区的独特作用和意义。'],
    ['为什么说统战工作像酿酒', '泸州坚持“统战工作如同酿酒”的工匠精神。'],
    ['同心服务团被称为什么', '同心服务团被誉为“行走的统战课堂”。'],
    ['哪个党派排第一', '民盟在竞争激励中排名第一。'],
  ])('accepts "%s" answered by "%s"', (question, answer) => {
    expect(agreement(question, answer)).toBe(1);
  });
});

describe('the parts of a numbered name', () => {
  const partsAgreement = (question: string, answer: string) =>
    factsAgreement(questionNeeds(normaliseQuestion(question), question), answerFacts(normaliseQuestion(answer), answer, false, answer), new Set());

  it('finds the name whose parts are asked, quoted or made of numbered parts', () => {
    expect(partsAsked('市委书记要做到的“三个带头”具体是哪三个？')).toBe('三个带头');
    expect(partsAsked('襄阳的“五比五看”活动具体比什么、看什么？')).toBe('五比五看');
    // A numeral before 什么 recalls the next name, not the parts of this one.
    expect(partsAsked('小营要实现一街一品,后面那句一居一什么来着')).toBeUndefined();
    expect(partsAsked('四有四立是哪些')).toBe('四有四立');
    expect(partsAsked('“4个有”统战功能具体是哪四个有？')).toBe('4个有');
    expect(partsAsked('“一靠二借三聚合”具体是靠什么、借什么？')).toBe('一靠二借三聚合');
    expect(partsAsked('“四好五化六有”标准具体是什么内容？')).toBe('四好五化六有');
    expect(partsAsked('市委书记要做到的“三个带头”，具体是哪三个带头?')).toBe('三个带头');
    expect(partsAsked('泸州“四好五化六有”标准，具体是哪四好哪五化？')).toBe('四好五化六有');
    // A part quoted after its whole is the name asked.
    expect(partsAsked('德阳民进的“四同四有四立”活动品牌里，“四立”具体指哪四立？')).toBe('四立');
    // Of two names asked side by side, neither part of the other, the first.
    expect(partsAsked('“四有”和“四立”分别是什么')).toBe('四有');
    expect(partsAsked('“一靠二借三聚合”具体是咋回事？')).toBe('一靠二借三聚合');
    expect(partsAsked('“1+4+N”机制具体指什么？')).toBe('1+4+n');
    expect(partsAsked('“1+4+N”工作机制里的“4”具体是哪四个?')).toBe('1+4+n');
    expect(partsAsked('“1+4+N”工作运行机制里的“4”指什么？')).toBe('1+4+n');
    expect(partsAsked('贵阳“数博大道 1A+6S”里的那个“1A”具体指的是什么?')).toBe('1a+6s');
    expect(partsAsked('贵阳数博大道“1A+6S”里的“1A”具体指什么？')).toBe('1a+6s');
    // A part named of a numbered whole that the whole's name does not write must be written by the answer.
    const fourDegrees = '泸州以文化为核提“醇度”，合作为要有“温度”，人才为基炼“烈度”，民生为本溢“香度”。';
    expect(agreementAsWritten('泸州“四度”统战里的“深度”，具体是怎么做的？', fourDegrees)).toBeLessThan(1);
    expect(agreementAsWritten('泸州“四度”统战里的“温度”，具体是怎么做的？', fourDegrees)).toBe(1);
    expect(agreementAsWritten('小营“三同三化”里的“三化”是哪三化？', '小营推动阵地化、平台化、品牌化。')).toBe(1);
    // An answer naming the formula in capitals without its parts does not give them.
    expect(agreementAsWritten('贵阳数博大道“1A+6S”里的“1A”具体指什么？', '贵阳“数博大道‘1A+6S’新阶层工作圈”通过建设联谊会、6个活动空间推进。')).toBeLessThan(1);
    expect(partsAsked('“1+14+N”机制里的“4”指什么？')).toBeUndefined();
    expect(partsAsked('襄阳健全的“一站六会”基层统战组织，具体是哪一站、哪六会？')).toBe('一站六会');
    // Asked right before the name.
    expect(partsAsked('泸州把统战工作比作酿酒，要提升的是统战工作的哪“四度”？')).toBe('四度');
    expect(partsAsked('具体是哪几个“三个带头”的要求')).toBe('三个带头');
    expect(partsAsked('哪个部门提出了“三个带头”')).toBeUndefined();
    // After 哪些 or 哪几个 the name ends the question: 哪些“五好”家庭 asks which families.
    expect(partsAsked('哪几项“四度”？')).toBe('四度');
    expect(partsAsked('哪些“五好”家庭受到表彰')).toBeUndefined();
    expect(partsAsked('襄阳评出了哪些“十佳”商会')).toBeUndefined();
    expect(partsAsked('襄阳网络统战的“三个一”，具体指的是哪三个“一”？')).toBe('三个一');
  });

  it('leaves what a name means or what it is to the rest of the match', () => {
    expect(partsAsked('襄阳的“两跑一解”是啥')).toBeUndefined();
    expect(partsAsked('“两翼”指的是什么')).toBeUndefined();
    expect(partsAsked('三个带头是谁提出的')).toBeUndefined();
    expect(partsAsked('“五比五看”有什么用')).toBeUndefined();
    expect(partsAsked('那6个活动空间分别是啥')).toBeUndefined();
    expect(partsAsked('“2023”年的经费具体是多少')).toBeUndefined();
    expect(partsAsked('“4”是什么意思')).toBeUndefined();
  });

  it('needs an answer that gives the parts, not one that only names it', () => {
    expect(partsAgreement('“三个带头”具体是哪三个？', '市委书记做到“三个带头”要求，各成员单位树立“一盘棋”思想。')).toBeLessThan(1);
    expect(partsAgreement('“四立”是哪四个立？', '“四有”指有德、有才、有能、有力，以此共塑“四有、四立”民进人。')).toBeLessThan(1);
    expect(partsAgreement('“四立”是哪四个立？', '“四立”指立言、立行、立身、立功。')).toBe(1);
    // One case of a list of cases is no list of its parts; parts repeating the name are.
    expect(partsAgreement('金融统战“五融共进”，具体是哪五个融？', '襄阳评选出网络统战“三个一”、金融统战“五融共进”、民主党派“同心参治”等案例。')).toBeLessThan(1);
    expect(partsAgreement('三个“在一起”分别是哪三个？', '引导成员同市委想在一起、站在一起、干在一起。')).toBe(1);
    expect(partsAgreement('金融统战“五融共进”，具体是哪五个融？', '襄阳评选出网络统战“三个一”、金融统战“五融共进”等案例。')).toBeLessThan(1);
    expect(partsAgreement('“4个有”具体是哪四个有？', '形成了“4个有”统战功能，即有组织形式、有载体平台。')).toBe(1);
    expect(partsAgreement('“四有”是哪四有？', '德阳民进共塑有德、有才、有能、有力的“四有”民进人。')).toBe(1);
    // Two parts joined right before a name of two are its parts; one thing before a name of three is not.
    expect(partsAgreement('“两大核心功能”是哪两个？', '小营围绕爱国主义教育和社会服务实践两大核心功能，推动阵地建设。')).toBe(1);
    expect(partsAgreement('“三大核心功能”是哪三个？', '小营围绕爱国主义教育和社会服务实践三大核心功能，推动阵地建设。')).toBeLessThan(1);
    expect(partsAgreement('“两大核心功能”是哪两个？', '小营着力打造两大核心功能，推动阵地建设。')).toBeLessThan(1);
  });
});

describe('one of a series, a part of the country, the members of a count', () => {
  it.each([
    ['第二期业务培训是谁主讲的', '小营首期业务培训由隗斌贤主讲。'],
    ['案例汇编第2辑什么时候刊登', '十大创新特色案例汇编于1月起刊登。'],
    ['知识竞赛第二季有多少人参与', '“学统战条例”知识竞赛吸引3万余人参与。'],
    ['基地二期扩建花了多少钱', '社员捐款捐物近30万元建成基地。'],
    ['东部地区片会在哪个城市开', '中央统战部在成都召开实践创新基地建设片会（西部地区）。'],
    ['华东地区那次片会是在哪个城市开的', '中央统战部在成都召开实践创新基地建设片会（西部地区）。'],
    ['那13个政府部门，具体是哪几家', '13个政府工作部门和党外人士建立了对口联系。'],
    ['引进的52个新品种具体都是哪些作物', '帮助引进新品种52个、推动科技成果转化16项。'],
  ])('marks "%s" as not answered by "%s"', (question, answer) => {
    expect(agreementAsWritten(question, answer)).toBeLessThan(1);
  });

  it.each([
    // Two ordinals asked as alternatives, of which the entry names one.
    ['培华社区是第二批还是第三批的', '培华社区入选四川省第三批实践创新重点项目。'],
    ['入选的是第3批吗', '培华社区入选四川省第三批实践创新重点项目。'],
    // Positions in a list the member describes are no series.
    ['头一个讲保存历史，第二个讲决策参考，这四个词是啥', '陈列馆发挥存史、资政、育人、团结的作用。'],
    ['西部片会是哪天开的', '5月17日，中央统战部召开实践创新基地建设片会（西部地区）。'],
    // An entry naming no part of the country may be about the one asked.
    ['东部地区有几个创新试点城市', '全国有创新试点城市15个。'],
    ['那5名监督员是被哪些部门聘请的', '玉门市有5名民主党派成员被法检、教育、审计等部门聘请为监督员。'],
    ['“4个有”具体是哪四个', '形成了“4个有”统战功能，即有组织形式、有载体平台、有服务内容。'],
  ])('accepts "%s" answered by "%s"', (question, answer) => {
    expect(agreementAsWritten(question, answer)).toBe(1);
  });
});

describe('changes, plans, breakdowns and other times', () => {
  const agreement = agreementAsWritten;

  it.each([
    ['九三学社为什么把基地关掉了', '九三学社建成同心春香关爱基地。'],
    ['为什么把西部片会和东北片会合并到成都开', '中央统战部在成都召开西部地区片会。'],
    ['马奶奶工作室搬到哪个社区去了', '马奶奶工作室设在老浙大社区。'],
    ['实验室被收回了，社员去哪做实验', '九三学社专家工作站实验室与社员共享。'],
    ['德阳民主党派的活动品牌里哪一个参与的群众最多', '打造了同心+同行、四同四有四立等活动品牌。'],
    ['三大类十个子项目里哪一类最受居民欢迎', '梳理出三大类十个子项目的特色服务。'],
    ['马奶奶工作室跟巧手工作室，哪个服务的居民多一些', '马奶奶工作室为居民调解邻里纠纷。'],
    ['襄阳、哈尔滨、新乡四个城市，谁的基地最多', '襄阳建成统战实践创新基地165个。'],
    ['西部的重点项目比东部地区多还是少', '西部9省区市推出重点项目25个。'],
    ['陈列馆往后计划每年接待多少人次', '陈列馆累计接待3万余人次。'],
    ['中央统战部其余几个片会准备在哪些城市开', '中央统战部在成都召开西部地区片会。'],
    ['参观的人每年增长了多少', '陈列馆累计接待3万余人次。'],
    ['十年前重庆有多少新阶层人士', '重庆有新的社会阶层人士200余万。'],
    ['襄阳各个县市区分别建了多少个基地', '襄阳建成统战实践创新基地165个。'],
    ['襄阳县一级建了多少个基地', '襄阳建成统战实践创新基地165个。'],
    ['这本书一共多少页', '《泸州市统战工作标准化体系》共45万字。'],
    ['今年玉门打算组织多少场主题教育活动', '玉门开展喜迎二十大主题活动40余场。'],
    ['哈尔滨和新乡出台的法规文件加起来一共多少个', '哈尔滨出台统战法规文件20余个。'],
    ['每场学习一般多长时间', '红巷·同心筑一季度16场学习计划覆盖十九大学习等内容。'],
    ['巧手工作室教的是哪门手艺，剪纸还是刺绣？', '鲁立清巧手工作室传播民间艺术，教居民做布艺。'],
    ['名医讲堂的医生是哪家医院的', '杜天厚在社区开设名医讲堂。'],
    ['那本45万字的工具书是哪家出版社出版的', '泸州形成45万字的“工具书”《泸州市统战工作标准化体系》。'],
    ['现场教学基地是哪个党校挂的牌', '红巷挂牌成立统一战线现场教学基地。'],
    ['这种培训下一期啥时候办', '培训于11月在襄阳举办。'],
    ['创新城市以后还要扩大到多少个', '创新城市从15个扩大到49个。'],
    ['陈列馆每周几开放', '陈列馆累计接待3万余人次。'],
    ['联络服务站在什么位置', '玉门建成民主党派联络服务站。'],
    ['党员之家接下来准备扩建到多大面积', '党员之家建筑面积220余平方米。'],
    // 开馆以来 says since when things are counted, not when it opened.
    ['陈列馆具体是哪一天开馆的', '陈列馆开馆以来累计接待参观3万余人次。'],
    ['这本书将统战工作纳入了哪些标准，明年会不会再版', '该书将统战工作纳入标准化体系。'],
  ])('marks "%s" as not answered by "%s"', (question, answer) => {
    expect(agreement(question, answer)).toBeLessThan(1);
  });

  it.each([
    ['马奶奶工作室搬到哪个社区去了', '马奶奶工作室从老浙大社区搬到西牌楼社区。'],
    ['名医讲堂的医生是哪家医院的', '浙江省中医院杜天厚医生在社区开设名医讲堂。'],
    ['那本工具书是哪家出版社出版的', '《泸州市统战工作标准化体系》由四川人民出版社出版。'],
    ['这种培训下一期啥时候办', '下一期培训将于明年3月举办。'],
    ['襄阳各个县市区分别建了多少个基地', '樊城区建成基地12个、襄州区10个。'],
    ['县一级的基地有多少个', '襄阳县一级基地45个。'],
    ['陈列馆往后计划每年接待多少人次', '陈列馆计划每年接待1万人次。'],
    ['参观的人每年增长了多少', '陈列馆接待人次每年增长20%。'],
    // This year's arrangement, which the sources report.
    ['中央统战部今年一共打算开几个片会', '中央统战部决定今年召开4个片会。'],
    // 男女老少 asks nothing of either sex; a publisher named where the member only tells does not ask which one.
    ['男女老少都能参加的同心红色之旅串联了哪些阵地', '同心红色之旅串联起小营的爱国主义教育阵地。'],
    ['不管是哪家出版社印的，泸州那本书有多少字', '泸州形成45万字的“工具书”。'],
    // The year the member recalls is the report's: 那年, 当年; its arrangements are reported as decided or done.
    ['中央统战部那年一共打算开几场片会', '中央统战部决定今年召开4个片会。'],
    ['新疆当年计划用几年打造品牌', '新疆按照一年全面铺开、两年巩固提高、三年打造品牌推进。'],
    ['襄阳行培训那年准备了哪几个城市作交流发言', '襄阳、哈尔滨、新乡、泸州作交流发言。'],
    // The member's own plans before the question.
    ['我们市打算也搞基地评选，德阳市级基地每个奖励多少钱', '德阳新创建的市级基地每个奖励1万元。'],
    ['多久定一次学习计划', '按季度协助各民主党派制定理论学习计划。'],
    ['多久定一次学习计划，按月还是按季？', '按季度协助各民主党派制定理论学习计划。'],
    ['我还是想问一下基地奖励多少钱', '国家级基地每个奖励6万元。'],
    ['目标按年份是怎么分步的', '按照“一年全面铺开、两年巩固提高、三年打造品牌”的工作目标推进。'],
    // 结合起来 and 合起来 in a saying sum nothing.
    ['把组织活动和主题党日结合起来的做法叫什么', '以党为师，把组织活动和主题党日结合起来。'],
    ['分开是小水花、合起来是大潮，原话怎么说', '散为朵朵浪花、聚为磅礴正流。'],
  ])('accepts "%s" answered by "%s"', (question, answer) => {
    expect(agreement(question, answer)).toBe(1);
  });
});

describe('a count the question states as an estimate', () => {
  it('rests on the answer\'s count when that is within the estimate, and not when it is outside', () => {
    const answer = '西部9省区市推出重点项目25个，联系45个村。';
    expect(agreementAsWritten('西部推出了二十几个重点项目，具体是哪些', answer)).toBe(1);
    expect(agreementAsWritten('西部推出了三十几个重点项目，具体是哪些', answer)).toBeLessThan(1);
  });
});


describe('a question telling how long ago', () => {
  it('asks no frequency with 没多久, and asks it with a choice of schedules; asks no recipient of a sum reached', () => {
    const details = (text: string) => questionNeeds(normaliseQuestion(text), text).details;
    expect(details('我刚来没多久，襄阳的一站六会具体叫啥')).not.toContain('frequency');
    expect(details('德阳的现场推进会多久开一次')).toContain('frequency');
    // 捐到 a sum says how much, not to whom.
    expect(details('社员给春香中心捐钱捐东西，没捐到30万吧')).not.toContain('recipient');
    expect(details('社员捐的钱都捐到哪去了')).toContain('recipient');
    // A choice of schedules asks how often.
    expect(details('葵巷的一茶一坐是每周三开还是每周四开')).toContain('frequency');
    expect(details('推进会是一月一次还是一季度一次')).toContain('frequency');
    expect(details('红巷是一季度16场还是二季度16场')).not.toContain('frequency');
  });
});
