import ExcelJS from 'exceljs';
import { toSimplified } from '../../src/common/text';

export interface BankQuestion {
  key: string;
  type: 'single' | 'multiple' | 'truefalse' | 'fill';
  stem: string;
  options: string[];
  answer: string[];
}

/** The reply that answers a question message correctly, read from the options as this member saw them. */
export function correctReply(received: string, bank: BankQuestion[], fullWidth = false): string {
  const message = toSimplified(received);
  const header = /【(单选|多选|判断|填空)】(.+)/.exec(message);
  if (!header) throw new Error(`not a question message: ${message}`);
  const question = bank.find((q) => header[2].startsWith(q.stem));
  if (!question) throw new Error(`unknown question: ${header[2]}`);
  if (question.type === 'fill') return question.answer[0];
  if (question.type === 'truefalse') return question.answer[0] === 'true' ? '对' : '错';
  const shown = [...message.matchAll(/^([A-H])\. (.+)$/gm)].map((m) => ({ letter: m[1], text: m[2] }));
  const wanted = question.answer.map((l) => question.options['ABCDEFGH'.indexOf(l)]);
  const letters = shown.filter((s) => wanted.includes(s.text)).map((s) => s.letter).join('');
  return fullWidth ? letters.replace(/[A-H]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : letters;
}

/** A wrong reply to a choice question. */
export function wrongReply(received: string, bank: BankQuestion[]): string {
  const message = toSimplified(received);
  const right = correctReply(message, bank);
  if (right === '对') return '错';
  if (right === '错') return '对';
  const letters = [...message.matchAll(/^([A-H])\. /gm)].map((m) => m[1]);
  return letters.find((l) => !right.includes(l)) ?? 'Z';
}

/** A small bank in the one-sheet layout Chinese organisers use, as an .xlsx buffer. */
export async function sampleBankWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题库');
  sheet.addRow(['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '解析', '分值']);
  sheet.addRow(['单选题', '新乡“学统战条例·庆建党百年”知识测试有多少人次参与?', '3万余人次', '5万余人次', '7万余人次', '9万余人次', 'C', '7万余人次参与', 10]);
  sheet.addRow(['判断题', '德阳为每个民主党派争取的项目经费增加至20万元。', '', '', '', '', '对', '', 10]);
  sheet.addRow(['填空题', '襄阳培训由团结报社和中共____市委统战部主办。', '', '', '', '', '襄阳|襄阳市', '', 10]);
  sheet.addRow(['多选题', '下列哪些城市在襄阳培训上作了交流发言?', '哈尔滨', '新乡', '泸州', '拉萨', 'ABC', '', 20]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
