/**
 * Members in Shanghai, Zhejiang and southern Jiangsu write as they speak (阿拉是宁波个民盟盟员,
 * 伊叫啥名字, 搿个哪能申请, 有啥讲究伐): 阿拉 is 我, 侬 is 你, 个 after a word is 的. Read in
 * Mandarin, a member's own story (阿拉是……街道个统战干部) is told by 我 and set aside like any
 * other, rather than read as places and bodies the fact must be of.
 */

/** Words only Wu writes, read as Mandarin wherever they stand. */
const ALWAYS: Array<[RegExp, string]> = [
  // 阿拉伯, 阿拉斯加, 阿拉善 (a league of Inner Mongolia), 阿拉山口 and 阿拉尔 are names.
  [/阿拉(?!伯|斯加|善|山口|尔|丁)/g, '我'],
  [/侬/g, '你'],
  // 伊拉 is 他们 and 伊 before what someone is or does is 他; 伊拉克, 伊犁, 伊朗, 伊春 are places.
  [/伊拉(?!克)/g, '他们'],
  [/(?<![木乃])伊(?=[叫是讲说做搞在有个拉])(?!拉克|斯兰)/g, '他'],
  [/搿搭/g, '这里'],
  [/搿点/g, '这些'],
  [/搿/g, '这'],
  [/哪能/g, '怎么'],
  // 啥人群, 啥人士, 啥人员: what kind of people, as in Mandarin.
  [/啥人(?![群士员物才家数次口力])/g, '谁'],
  [/辰光/g, '时候'],
  [/几钿|多少钞票/g, '多少钱'],
  [/几化/g, '多少'],
  [/里向/g, '里面'],
  [/(?:呒|嘸|无)没/g, '没有'],
  [/覅/g, '不要'],
  [/勿/g, '不'],
  // 伐 and 𠲎 end a yes-no question as 吗 does (有啥讲究伐？); 砍伐, 讨伐, 步伐 are words.
  [/(?<=\p{Script=Han})(?<![砍讨征杀步采北滥诛挞攻盗])[伐𠲎](?=[\s\p{P}\p{S}]|$)/gu, '吗'],
];

/** Words a question shows it is written in Wu by; 个 for 的 is read only beside one of them. */
const WU_MARKER = /阿拉(?!伯|斯加|善|山口|尔|丁)|侬|搿|哪能|辰光|里向|几钿|几化|(?<![砍讨征杀步采北滥诛挞攻盗])[伐𠲎](?=[\s\p{P}\p{S}]|$)/u;

/**
 * 个 after a word where Mandarin writes 的 (街道个统战干部, 泸州个人才工作, 在重庆开个): not after
 * a number, a demonstrative, 每, 各 or 了, where it counts (一个, 这个, 每个, 搞了个), nor in 个人 and 个别.
 */
const POSSESSIVE_GE = /(?<=\p{Script=Han})(?<![一二两三四五六七八九十百千万几多每这那哪各某整半单真了])个(?!人|别|体|性|案|把|子)/gu;

export function wuInMandarin(text: string): string {
  if (!WU_MARKER.test(text)) return text;
  return ALWAYS.reduce((s, [pattern, mandarin]) => s.replace(pattern, mandarin), text).replace(POSSESSIVE_GE, '的');
}
