/**
 * Details a question can ask for (a year, an address, a plan, a reason, who someone is…), each
 * with the words that ask for it and the words an answer needs to give it.
 */
import { PARTY_NAMES } from './entities';

/** Titles of office holders, asked about (副部长) and given by answers. */
export const TITLES = [
  '部长', '主任', '书记', '院长', '主席', '秘书长', '局长', '市长', '县长', '社长', '会长', '主委',
  '组长', '团长', '馆长', '站长', '所长', '处长', '科长', '理事长', '负责人',
];

/**
 * Words that give a person: a title (部长, 主任…), a form of address or a calling; or a person's
 * name (see answerFacts). Not a calling counted (17名市政协委员, 省人大代表1名) or naming what a
 * body gathers (院士专家工作站, 律师服务团): those say how many, or what, not who.
 */
const CALLING_COUNTED_BEFORE = '(?<!(?<!第)(?:\\d|[一二两三四五六七八九十百千])[名位][^，。、；]{0,4})';
const CALLING_COUNTED_AFTER = '(?!的?(?:\\d+|[一二两三四五六七八九十百千]+)[名位])';
/** 委员 of 委员会 is the body itself. */
const BODY_AFTER = '(?!会|\\p{Script=Han}{0,2}?(?:工作站|工作室|服务团|服务队|事务所|委员会|联谊会|协会|学会|讲堂|大会|之家|中心))';
const CALLINGS = ['同志', '先生', '女士', '老师', '传承人', '大师', '律师', '医生', '院士', '专家', '委员', '代表'];
const PERSON_IN_ANSWER = new RegExp(`${CALLING_COUNTED_BEFORE}(?:${TITLES.join('|')}|(?:${CALLINGS.join('|')})${BODY_AFTER})${CALLING_COUNTED_AFTER}`, 'u');

/** Words that make a clause a question (哪些, 多少, 吗…). */
// 么 alone is 吗 mistyped (是这样么); 这么, 那么, 多么 and 要么 ask nothing (什么, 怎么 are listed).
export const QUESTION_WORD = /哪|什么|什麽|啥|多少|多大|多长|多久|多高|多远|几|谁|怎么|咋|如何|吗|嗎|(?<![这那多要這])[么麼]/;

/**
 * What makes a comparison or a ranking (最多, 居全市之首, 高于). 最 only as a degree (最多, 最早), not in a name
 * such as 最美工作室, a body's epithet (最高议事协调机构) or 最大公约数; 第一 only as a place in a ranking
 * (排名第一, 第一名), not in a name such as 第一党小组.
 */
const COMPARED =
  /最(?:[多少小低早晚快慢先长强好优佳受]|大(?!公约数)|高(?!议事|决策|权力|领导机))|第一[名位]|[排居列]第一|第一$|首位|之首|前列|领先|超过|高于|低于|多于|少于|排名|位居|位列|同比|环比|翻番|[增提][长加高][了到至]?\d/;
/** Questions asked as "A or not A" (是不是, 多不多). */
const A_NOT_A = '是不是|算不算|多不多|高不高|大不大|好不好';

/**
 * Setbacks and changes to what was built (撤销, 叫停, 搬走, 推迟, 合并, 改名, 压缩, 点名批评): see
 * the 'setback' detail.
 */
const SETBACK =
  /批评|取消|撤[销消并掉除回了走]|叫停|停[办用掉]|停了|暂停|关闭|关停|关掉|闭馆|收回|解散|废止|注销|摘牌|失败|处分|问责|下降|减少|降低|退出|拒绝|停止|中止|终止|搬[走离到去迁家]|迁[到至往走]|不合格|推迟|延期|改期|延后|合并|并入|改名|改叫|更名|砍[到掉了]|压缩|缩减|缩小/;

/** Accounts a member may ask for (微信号, 公众号, QQ群号). */
const ACCOUNT = /微信号|公众号|账号|帐号|QQ群?号?|邮箱|网址/.source;
/** An account asked for by 多少 (微信号是多少): its name of letters or digits, not a figure (公众号粉丝有多少 asks one). */
export const ASKS_ACCOUNT = new RegExp(`(?:${ACCOUNT})(?:是|为)?多少`, 'i');

/** Meetings whose venue may be asked (片会在哪儿开), how a venue is asked, and that it is held (not 开展, 开讲). */
const MEETINGS = '片会|会议|大会|峰会|年会|论坛|座谈会|研讨会|交流会|推进会|部署会';
const WHERE = '儿|里|个地方|个城市|些地方|些城市';
const HELD = '(?:召开|举办|举行|开)(?![展讲放业办设])';

/**
 * Details a question can ask for, each with the words that ask for it and the words an answer
 * (or its entry) needs to contain to give it. Asking where to book, what a ticket costs or how
 * often something happens is not answered by an entry that merely describes the same thing.
 */
export const DETAILS: Array<{
  name: string;
  asks?: RegExp;
  gives: RegExp;
  /** Tested on the clauses that ask (those with a question word), not on the context before them. */
  asksInClause?: RegExp;
  /** Tested on the question with its punctuation, for what a clause's end tells. */
  asksInText?: RegExp;
  /** Tested on the answer with its punctuation (a list: 扶贫助困、清廉教育). */
  givesInText?: RegExp;
}> = [
  // 十年前, 五年前: a figure of another time than the one the sources give. 去年 and 今年 in an answer are the
  // year of the report it comes from, which a member asking which year does not know. Asked with the month
  // (哪年几月开的), the month is what such an answer can give (去年11月): see ASK_MONTH.
  { name: 'year', asks: /(?:哪一年|哪年|几几年|什么年份|哪个年份|年份)(?!几月|哪一?个?月|什么月)|[一二两三四五六七八九十\d]+年前/, gives: /\d{4}年|[本上]年度|\d{4}|[一两二三四五]年(?![前来多])/ },
  // Where something is (设在哪, 在什么地方): the place or building an answer names gives it.
  { name: 'location', asks: /[设建位]在(?:哪|什么地方|什么位置)|坐落在哪|在什么(?:地方|位置)/, gives: /地址|位于|在[^,。]{1,12}(?:内|里|中)|[路街巷]\d*号|\d+号|大道|\d+楼|[一二三四五六七八九十]楼|大厦|酒店|产业园|园区|社区|村|(?:乡|镇|村)[\u4e00-\u9fff]{0,3}(?:小学|中学|学校)|[\u4e00-\u9fff]{2}(?:小学|中学)(?![习员生会])/ },
  // An address, or the way there (具体地址在哪, 门牌, 怎么去): a street, a number or a floor, not the community's name.
  { name: 'address', asks: /地址|具体位置|门牌|怎么去|怎么走/, gives: /地址|[路街巷]\d*号|\d+号|大道|\d+楼|[一二三四五六七八九十]楼/ },
  // The street of an address (哪条路, 门牌号): a building's name (位于蜀徽大酒店内) does not give it.
  { name: 'street', asks: /哪条(?:路|街|巷|大道)|门牌/, gives: /[路街巷]\d*号|\d+号|大道|[路街巷](?=[，。、；]|$)/ },
  // How many a room or hall holds (能坐多少人, 容纳几个人, 坐得下好多人): an answer giving its area or rooms does not say.
  { name: 'capacity', asks: /(?:能|可以?|可|同时)(?:坐|容纳|容|装|站)(?:得?下)?(?:多少|几|好多)|坐得下(?:多少|几|好多)|容纳(?:多少|几)/, gives: /容纳|座位|座席|席位|可坐|能坐|坐得下/ },
  { name: 'ticket', asks: /门票|票价|收费|免费|要钱吗|花钱/, gives: /门票|票价|收费|免费|票/ },
  { name: 'booking', asks: /预约|报名|挂号|怎么申请|如何申请|申请流程|办理流程/, gives: /预约|报名|申请|流程|拨打|联系|登记|扫码/ },
  // 没多久 and 不多久 tell (刚来没多久: not long ago). A choice of schedules (每周三还是每周四, 一月一次还是一季度一次) asks how often too.
  { name: 'frequency', asks: /多久一次|多长时间一次|多久[搞办开举]一次|隔多久|(?<![没不])多久|频率|一年几次|一个月几次|每(?:[年月周天日]|季度?)[^，。,]{0,6}还是|[一每](?:[年月周天日]|季度?)一?[次回][^，。,]{0,2}还是/, gives: /每[年月周天季日]|定期|常态|每逢|一次|\d+次|[一二三四五六七八九十]+次|按[年季月周]/ },
  // A timetable (有没有时间表, 时间节点怎么安排): a date, or the stages of a plan by years (一年全面铺开、两年巩固提高).
  { name: 'schedule', asks: /时间表|时间节点|时间安排|进度安排/, gives: /\d{4}年|\d+月|年底|年初|年内|[一二两三四五六七八九十\d]+年(?:内|全面|巩固|打造|完成|实现|建成|铺开)|分[两三四五]步/ },
  // Whom a donation went to (都捐给谁了, 捐到哪去了): an answer giving only the sum does not say it. 捐到30万 reaches a sum.
  { name: 'recipient', asks: /捐给|捐到(?![\d一二两三四五六七八九十百千万近约])|捐赠给|捐向|捐哪/, gives: /捐给|捐赠给|捐到|向[^，。]{1,12}捐|送往|转交|定向/ },
  { name: 'gender', asks: /女同志|女性|男性|妇女|女干部|男同志|女的|男的|男女(?:各|分别|比例|人数|多少|几)/, gives: /女|男|妇/ },
  // A comparison, a ranking or a sum (哪个更快, 哪边更多, 跟绵阳比, 两地加起来): an answer giving one side's figure does not make it.
  // 跟…比 asks only where the clause stops there or asks in it: 跟沿海比都不逊色 states a comparison, and a
  // comparison the member is to make (领导让我跟玉门对比一下，……) asks for the figures, not for it.
  {
    name: 'comparison',
    asks: /(?:哪一?[个家位所项种类边])[^，。,]{0,16}(?:更|[多少早晚快慢]一些|[多少早晚快慢]一点|[多少早晚快慢]些)|哪[^，。,]{0,10}[早晚先](?:一?些|一点)|(?:谁家|谁)[^，。,]{0,10}[更最]|(?:哪一?[个家位所项种类边]|谁家|谁的)[^，。,]{0,14}(?:最|排第|排名|排在|第一名|名列)|(?:多|高|大|快|好)还是(?:少|低|小|慢|差)|(?:是不是|是否|算不算)最|(?<![评对])比(?![如例重较赛])[^，。,]{1,12}(?:多|少|增加|减少|增长|提高|下降)了?(?:多少|几)|(?:增长|增加|涨|减少|下降|提高|多出)了?(?:多少|几|百分之几)|翻了几番|同比|环比|算(?:不算)?(?:多|少|高|低)的?(?:吗|嗎|不|$)|(?:两|俩|三|几|和|与|跟)[^，。,]{0,12}(?:加起来|加在一起|(?<![结联综整融组])合起来)(?=[^，。,]{0,8}(?:多少|几))|之和|总和/,
    asksInText: new RegExp(`(?<!(?:让|叫|要)我|我们?(?:想|要|得|准备|打算)[^，。,]{0,8})(?:跟|和|与)[^，。,]{1,6}比(?![作如喻例较])(?:一下|起来)?(?:[，,？?]|$|[^，。,]*(?:${QUESTION_WORD.source}|${A_NOT_A}))`),
    gives: COMPARED,
  },
  // Where something stands among others (排名如何, 排在什么位置, 排前几; not 安排在什么位置): a comparison, a rank,
  // a batch or a first gives it (第二批, 全省首个, 率先).
  {
    name: 'standing',
    asks: /排名(?:怎么|如何|情况|多少|靠前|靠后)|(?<!安)排(?:在|到|得上|得进)?前?(?:什么位置|哪个位置|前几|若干)/,
    gives: new RegExp(`${COMPARED.source}|第[\\d一二三四五六七八九十]+[批名位个家]|首[个家批]|率先|全[省市国区县]第一`),
  },
  // Where a meeting is held (片会在哪儿开): an answer saying where one was held (在成都召开) or naming a venue. Places
  // of a business or a room (工作室在哪开的, 讲堂在哪开讲) are asked by location.
  {
    name: 'venue',
    // 在哪开啊，剩下那几个片会: the meeting told after the question.
    asks: new RegExp(`(?:${MEETINGS}|培训班?)[^，。,？?]{0,8}在?哪(?:${WHERE})?[、，,]?(?:什么时候|何时|哪天|哪一天|几月几[号日])?${HELD}|(?:会议|开会|举办|举行|召开)的?地点|^在?哪(?:${WHERE})?${HELD}[^，。,？?]{0,12}(?:${MEETINGS}|培训(?:班)?)`),
    // 剩下的几场片会，分别在哪里、什么时候开: asked in a clause of its own after the meeting.
    asksInText: new RegExp(`(?:${MEETINGS})(?:呢|吧)?[，,](?:分别|都|又|具体|打算|计划|安排){0,2}在哪(?:儿|里|些地方|个城市|些城市)[^。？?，,]{0,8}?${HELD}`),
    gives: /在[^，。]{1,12}(?:召开|举办|举行|开幕|开班)|地点|会场|酒店|宾馆|会议中心|大厦|礼堂|会堂/,
  },
  // A plan or what comes next (下一场, 下一站, 明年, 会不会): an answer reporting what was done does not say it.
  {
    name: 'plan',
    asks: /下一(?:场|次|届|轮|批|步|阶段|期|季|辑|版|站|年|回)|下回|下次|明年|后年|今后|将来|未来|预计|会不会|将要|以后(?:还)?要|还会再|还会不会/,
    // 计划 as a verb (计划于, 计划建), not a plan already made (学习计划, 协商计划).
    // 将 as “will” (将于, 将继续, 将打造), not as the object marker (将统战工作纳入…).
    gives: /将(?=[于在会要继续进建打推开召举启新])|即将|计划(?=[于在到要将建开举推完实每再新接])|拟|预计|力争|目标|下一步|今后|未来|明年|后年|规划|争取|到\d{4}年/,
    // Said of what is asked (下个月准备搞哪些活动), not of the member's own plans before it (我们下个月要去学习，……).
    // 打算 said of the member's own plans before asking (我们市打算也搞评选，……每个奖励多少) asks nothing.
    // Plans for this year (今年一共打算开几个片会) are the next detail's; those of the year the member recalls
    // (那年打算开几场, 当年计划) were that year's arrangements, which the report states as done or decided.
    asksInClause:
      /(?<!(?:今年|这一年|本年|那年|那一年|当年)[^，。,]{0,3})(?:打算|下个(?:月|季度|阶段|年度)|接下来|往后|(?:准备|打算|计划)(?:再|要|每年)?(?:搞|开|办|建|推|设|举|加|增|出|接待|推荐)|准备[^，。,]{0,8}?(?:开|办|建|搞|举行|召开))/,
  },
  // What is planned for this year (今年打算开几个片会): an answer saying what this year holds gives it.
  {
    name: 'this-year',
    asksInClause: /(?:今年|这一年|本年)[^，。,]{0,3}(?:打算|准备|计划)/,
    gives: /今年|本年|这一年/,
  },
  // Who a person is (哪位领导, 成员都叫什么名字): an answer naming bodies or counting people does not say.
  {
    name: 'person',
    asks: /哪一?位|哪个领导|什么领导|姓名|(?:人|员|者|领导|同志)(?:都|分别|各)?叫什么(?:名字)?|(?:人|员|者)(?:都|分别|各)?是谁|谁(?:创办|创立|创建|发起)|(?:创办|创始|发起)人/,
    gives: PERSON_IN_ANSWER,
  },
  // Why something was done or happened: an answer only saying what was done does not give the reason.
  {
    name: 'reason',
    // 为什么说 asks what a saying means (为什么说统战工作像酿酒), which an answer explains in its own words.
    // 评为什么, 作为什么, 称为什么 ask "as what", not why.
    // 原因是什么 is read without its 是什么 (原因).
    asks: /(?<![评作成称列定名改视喻括结选认])为什么(?!说|叫|称|把)|什么原因|啥原因|原因是什么|原因(?:何在|在哪)?$|怎么会/,
    gives: /因为|由于|为了|旨在|以便|目的|原因|所以|因此|从而|意义|作用|是为|为[^，。]{1,10}(?:提供|推动|促进|服务)|以此|用于/,
  },
  // A setback (撤销, 叫停, 搬走, 点名批评): the sources report what was built and achieved, so an
  // answer that does not speak of the setback does not confirm that it happened.
  {
    name: 'setback',
    asks: SETBACK,
    gives: SETBACK,
  },
  // An award or rating (被评为最好, 获得过什么荣誉): an answer describing the work does not say it was rated.
  {
    name: 'award',
    asks: /评为|评上|评选|获评|荣获|获奖|得奖|[获拿]过?(?:什么|哪些|几[个项次])?(?:奖|荣誉|称号)|(?:什么|哪些)(?:奖项|荣誉|称号)|表彰/,
    gives: /评为|评上|评选|获评|荣获|授予|命名|称号|荣誉|奖|表彰|典型|示范|先进/,
  },
  // Which party (哪个党派): an answer speaking of 民主党派成员 in general does not name one.
  { name: 'party', asks: /(?:哪|什么)[个一]?(?:民主)?党派/, gives: new RegExp(PARTY_NAMES.join('|')) },
  // Which parties (哪些党派, 哪几个党派): an answer naming them, or saying it is each of them (各民主党派, 每个党派), gives them.
  {
    name: 'parties',
    asks: /(?:哪|什么)(?:些|[几两二三四五六七八\d]+个)(?:民主)?党派/,
    gives: new RegExp([...PARTY_NAMES, '[各每](?:个)?(?:民主)?党派'].join('|')),
  },
  // Whether a goal was reached (实现了没有): an answer stating the goal does not say.
  {
    name: 'outcome',
    asks: /(?:实现|完成|达到|达成|做到)了?(?:没有|吗|没)|有没有(?:实现|完成|达到|达成|做到)|取得了?(?:哪些|什么)(?:成效|成果|成绩)|(?:成效|效果)(?:如何|怎么)/,
    gives: /已经|已(?:实现|完成|达到|建成)|实现了|完成了|达到了|建成了|如期|成效|成果/,
  },
  // The kinds or topics of something (哪些方面的问题, 什么方向的研究, 哪些品种): an answer that
  // counts it or names it lists none.
  {
    name: 'topics',
    asks: /(?:哪些|哪几个|哪几|什么)\p{Script=Han}{0,4}?(?:方面|方向|领域|品种|话题|类型|种类|课题)/u,
    gives: /方面|方向|领域|品种|话题|类型|种类|课题|等/,
    givesInText: /[、；;]/,
  },
  // A breakdown by part (各个县市区分别建了多少个, 每个县有多少人): a total does not give it.
  {
    name: 'breakdown',
    asks: /(?:各个?|每个|每一个)(?:县|区|市|乡镇|镇|街道|社区|区县|县区|县市区|县市|省|省区市|地方)[^，。,]{0,12}?(?:多少|几)/,
    gives: /各[县区市镇]|分别/,
    // Two figures in a list (樊城区12个、襄州区10个).
    givesInText: /\d[^、，。；]*、[^、，。；]*\d/,
  },
  // The others of a set (另外三个片会, 其余两个法宝): an answer about one of them does not give them; one listing several does.
  {
    name: 'others',
    asks: /(?:另外|其余|其他|剩下|剩余)的?那?(?:(?:若干|[几两二三四五六七八九十\d]+)(?:个|场|家|项|位|次|大)|多少(?:个|场|家|项|位|次|大)[^，。,？?]{0,10}(?:哪|什么|分别|何时))/,
    gives: /分别|以及/,
    givesInText: /[^、，。；]+、[^、，。；]+/,
  },
  // One tier of a whole (县一级, 乡镇一级): a figure for the whole does not give it.
  { name: 'tier', asks: /(?:县|乡镇|镇|村|社区|街道|区)一级/, gives: /(?:县|乡镇|镇|村|社区|街道|区)一?级/ },
  { name: 'contact', asks: new RegExp(`怎么联系|联系人|${ACCOUNT}`, 'i'), gives: /联系|电话|微信|邮箱|网址|公众号|账号|帐号|QQ|\d{6,}/i },
  // The account itself: an answer saying only that there is a 微信公众平台 does not give it.
  { name: 'account', asks: ASKS_ACCOUNT, gives: /微信号|[a-z][a-z0-9_]{4,}|\d{5,}/i, givesInText: /(?:公众号|账号|帐号)[：:]?[“"「『]/ },
];
