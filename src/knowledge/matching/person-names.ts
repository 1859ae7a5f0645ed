/** Person names in an answer, read by their shape (see namesPerson). */
import { tagWords } from './segmenter';

/**
 * Whether jieba reads a person's name in a text. jieba tags some words as names (陈列馆, 高素质,
 * 关怀, 红光) and leaves most names it does not know untagged (杜天厚, 佟桂莉), so a name is read
 * from the word's shape: a surname, then a given name that is no word of its own (see isName).
 */
export function namesPerson(text: string): boolean {
  return tagWords(text).some(isPersonName);
}

/** The person names a text writes (佟桂莉 in 杭州市委常委、统战部长佟桂莉), read as namesPerson reads them. */
export function personNamesIn(text: string): string[] {
  return tagWords(text)
    .filter(isPersonName)
    .map(({ word }) => word);
}

/** A word jieba tags as a name or leaves untagged, shaped as one (see isName). */
function isPersonName({ tag, word }: { tag: string; word: string }): boolean {
  return (tag === 'nr' || tag === 'x') && isName(word);
}

/**
 * A title a member gives a person the knowledge names (中央统战部部长邹晓东, 佟桂莉当时作为浙江省委
 * 统战部长): what they believe of the person, right or wrong, not whose fact is asked. The title
 * before the name runs back to the clause's start, a date, or a word ending what comes before (成都片会上,
 * 邀请); one after it follows 作为, 身为, 时任 or 担任.
 */
const TITLE = '(?:部长|书记|主任|主委|主席|秘书长|常委|会长|市长|省长|区长|县长|局长|负责人)';

export function withoutTitlesOf(text: string, people: ReadonlySet<string>): string {
  let told = text;
  for (const person of people) {
    if (!told.includes(person)) continue;
    told = told
      .replace(new RegExp(`[^\\d年月日，。,、；;？?！!\\s上在的是和与说请邀向给对由被跟让听找班会]{0,10}${TITLE}(?=${person})`, 'gu'), '')
      .replace(new RegExp(`(?<=${person}[^，。,；;？?！!]{0,4})(?:作为|身为|时任|担任)[^，。,；;？?！!]{0,14}?${TITLE}`, 'gu'), '');
  }
  return told;
}

/** jieba's tags a given name bears (晓东 nrt) or, unknown to it, none (丽华 x). */
const GIVEN_NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'x']);

/**
 * 马丽华, 杜天厚, 程瑜: a surname, and no word of jieba's in its first two characters (陈列 of 陈列馆)
 * nor in its last two but a name (素质 of 高素质). A two-character name needs a surname that
 * seldom begins another word (关怀 and 温馨 are words).
 */
function isName(word: string): boolean {
  const chars = Array.from(word);
  if (!chars.every((c) => /\p{Script=Han}/u.test(c))) return false;
  const aWord = (part: string) => {
    const words = tagWords(part);
    return words.length === 1 && words[0].tag !== 'x';
  };
  if (chars.length === 2) return SURNAMES.has(chars[0]) && !aWord(word);
  if (chars.length !== 3 || !(SURNAMES.has(chars[0]) || MORE_SURNAMES.has(chars[0]))) return false;
  const given = tagWords(chars.slice(1).join(''));
  return !aWord(chars.slice(0, 2).join('')) && (given.length > 1 || GIVEN_NAME_TAGS.has(given[0].tag));
}

/** Surnames that also begin common words (高, 马, 方…): 马丽华 is a name, and so may be 高…, when the rest is no word. */
const MORE_SURNAMES = new Set(Array.from('高马林金石田白方文江龙万于余史曾任成常明时党付易向安齐关路车连单解武康温施毕季梅童华苗谷盛曲柯阮俞焦兰申章宁包左甘尚司穆农阳尤艾牟饶屈房蒲喻蒙柴靳辛骆祁滕游冉翁凌纪舒符欧耿岑景宫费卜冷晏席卫米柏宗瞿桂全臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝'));

/** Common Chinese surnames that seldom begin another word (not 高, 马, 方, 余, 万, 党…), which begin most names. */
const SURNAMES = new Set(
  Array.from('王李张刘陈杨黄赵吴周徐孙朱胡郭何罗郑梁谢宋唐许韩冯邓曹彭肖董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫段雷侯陶黎贺顾毛郝龚邵钱严覃戴莫孔汤樊葛邢乔伍庞颜倪庄聂鲁岳翟殷詹隗佟郁'),
);
