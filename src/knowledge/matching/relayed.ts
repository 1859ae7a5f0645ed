/**
 * A member asking for someone else says so first (我们科长让我问一下，……; 帮我爸问问……; 同事托我打听……; 主任问哈尔滨谁
 * 发言的): who asks, and that they asked, is no word of the question, however much of a short one it makes: it reads as 请问.
 */
import { CLAUSE_START, type Reading, readWith } from './readings';

/** Those a member asks for: at work, at home, among friends (我们科长, 我爸, 同事). */
const ASKERS = [
  '科长', '主任', '领导', '书记', '部长', '处长', '局长', '主席', '会长', '老板', '经理', '组长', '站长', '社长',
  '同事', '朋友', '同学', '老师', '邻居', '亲戚', '老乡',
  '我爸', '我妈', '老爸', '老妈', '爸爸', '妈妈', '爷爷', '奶奶', '外公', '外婆', '姥爷', '姥姥', '老公', '老婆', '爱人',
  '孩子', '儿子', '女儿', '舅舅', '姑姑', '叔叔', '阿姨', '表哥', '表姐', '表妹', '表弟', '老人家', '老爷子',
];
const ASKER = `(?:(?:我们|我家|咱们|我们家|单位|我们单位)(?:的)?)?(?:${ASKERS.join('|')})`;
/** 问, 问问, 问一下, 打听, 咨询: the asking itself. */
const ASKS = '(?:问(?:问|一下|下)?|打听(?:一下|下)?|咨询(?:一下|下)?)';

// Read as 请问: what follows is what they ask (……让我帮忙问：襄阳的“五融共进”是哪个领域的).
const IN_MANDARIN: Reading[] = [
  // 科长让我问一下, 同事托我打听, 领导叫我帮忙问问; 他让我帮忙问 after the story of who asks.
  [new RegExp(`(?:${ASKER})?(?:他|她)?(?:让|叫|托|要|喊)我(?:帮(?:忙|他|她)?|来)?${ASKS}`, 'gu'), '请问'],
  // 帮我爸问问, 帮领导问一下, 替同事问
  [new RegExp(`(?:帮|替|代)${ASKER}${ASKS}`, 'gu'), '请问'],
  // 主任问哈尔滨谁发言的: the one asking, then what they ask, at the start of a clause.
  [new RegExp(`${CLAUSE_START}${ASKER}(?:在)?${ASKS}(?![题候责卷])`, 'gu'), '请问'],
];

const MARKED = /问|打听|咨询/;

export function withoutRelaying(text: string): string {
  if (!MARKED.test(text)) return text;
  return readWith(IN_MANDARIN, text);
}
