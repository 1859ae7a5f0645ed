import type { QuestionType } from './types';

/** The spreadsheet layouts the bank importer (parseBankSheets) reads, each with a template to fill in. */
export const TEMPLATE_LAYOUTS = ['type-column', 'sheet-per-type', 'options-column'] as const;
export type TemplateLayout = (typeof TEMPLATE_LAYOUTS)[number];

export interface TemplateSheet {
  name: string;
  header: string[];
  rows: Array<Array<string | number>>;
}

export const TEMPLATE_INFO: Record<TemplateLayout, { name: string; description: string }> = {
  'type-column': {
    name: '单表格式（题型列）',
    description: '所有题目放在一张工作表里，用「题型」列写明单选、多选、判断或填空，每个选项占一列（选项A至选项H）。',
  },
  'sheet-per-type': {
    name: '分表格式（每种题型一张工作表）',
    description: '每种题型一张工作表，工作表名为单选题、多选题、判断题、填空题，不需要「题型」列。',
  },
  'options-column': {
    name: '选项合并格式（选项写在一列）',
    description: '所有题目放在一张工作表里，全部选项写在一个「选项」单元格中，用竖线 | 或换行分隔。',
  },
};

interface Example {
  type: QuestionType;
  label: string;
  stem: string;
  options: string[];
  answer: string;
  explanation: string;
  points: number;
  tags: string;
}

const EXAMPLES: Example[] = [
  {
    type: 'single',
    label: '单选',
    stem: '统一战线是中国共产党凝聚人心、汇聚力量的什么法宝？',
    options: ['重要', '政治', '经济', '文化'],
    answer: 'B',
    explanation: '统一战线是凝聚人心、汇聚力量的政治法宝。',
    points: 10,
    tags: '统战基础',
  },
  {
    type: 'single',
    label: '单选',
    stem: '下列哪一个是民主党派？',
    options: ['九三学社', '共青团', '工会', '妇联'],
    answer: 'A',
    explanation: '',
    points: 10,
    tags: '民主党派',
  },
  {
    type: 'multiple',
    label: '多选',
    stem: '下列属于我国民主党派的有哪些？',
    options: ['民革', '民盟', '共青团', '致公党'],
    answer: 'ABD',
    explanation: '共青团是群团组织，不是民主党派。',
    points: 10,
    tags: '民主党派',
  },
  {
    type: 'truefalse',
    label: '判断',
    stem: '中国人民政治协商会议是中国人民爱国统一战线的组织。',
    options: [],
    answer: '正确',
    explanation: '',
    points: 10,
    tags: '人民政协',
  },
  {
    type: 'truefalse',
    label: '判断',
    stem: '我国的民主党派是在野党。',
    options: [],
    answer: '错误',
    explanation: '民主党派是参政党。',
    points: 10,
    tags: '民主党派',
  },
  {
    type: 'fill',
    label: '填空',
    stem: '我国现有____个民主党派。（填数字）',
    options: [],
    answer: '8|八',
    explanation: '可接受的答案用竖线 | 分隔，答对其中任意一个即得分。',
    points: 10,
    tags: '民主党派',
  },
];

const LETTERS = ['A', 'B', 'C', 'D'];
const SHEET_NAMES: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', truefalse: '判断题', fill: '填空题' };

/** The instructions sheet: no row of it is a question header, so the importer skips it. */
function instructions(layout: TemplateLayout): TemplateSheet {
  const rows: string[][] = [
    ['本模板的格式', `${TEMPLATE_INFO[layout].name}：${TEMPLATE_INFO[layout].description}`],
    ['使用方法', '删除示例题目，按同样的格式填写自己的题目，保存为 .xlsx 后在「题库」页面上传。上传前可以先预览，所有有错的行都会列出行号和原因。'],
    ['题型', '单选（单选题）、多选（多选题）、判断（判断题）、填空（填空题）。'],
    ['单选题的答案', '写一个选项字母，例如 B。选项至少2个，最多8个（A至H）。'],
    ['多选题的答案', '写两个或以上的选项字母，例如 ABD，也可写成 A,B,D。'],
    ['判断题的答案', '写 正确 或 错误（也可写 对/错、√/×、是/否）。判断题不填选项。'],
    ['填空题的答案', '写标准答案；有多种说法都算对时，用竖线 | 或分号 ; 分隔，例如 8|八。填空题不填选项，每个答案不超过50个字。'],
    ['分值', '正整数，不填时每题10分。'],
    ['编号', '可不填，系统自动编为 q1、q2……；填写时同一题库内不能重复。'],
    ['解析、标签', '可不填。解析在答题后展示；多个标签用逗号分隔。'],
  ];
  if (layout === 'options-column') rows.splice(4, 0, ['选项的写法', '全部选项写在「选项」一个单元格里，用竖线 | 或换行分隔，例如 重要|政治|经济|文化，可带 A. 这样的字母前缀。']);
  if (layout === 'sheet-per-type') rows.splice(4, 0, ['工作表名称', '每种题型一张工作表，名称必须是 单选题、多选题、判断题、填空题 之一；用不到的题型可以删去对应工作表。']);
  return { name: '说明', header: ['项目', '填写说明'], rows };
}

/** A workbook (as sheets for writeWorkbook) with an example of every question type in the layout. */
export function bankTemplate(layout: TemplateLayout): TemplateSheet[] {
  const common = (e: Example) => [e.answer, e.explanation, e.points, e.tags];
  if (layout === 'sheet-per-type') {
    const sheets = (Object.keys(SHEET_NAMES) as QuestionType[]).map((type) => {
      const choice = type === 'single' || type === 'multiple';
      return {
        name: SHEET_NAMES[type],
        header: ['题干', ...(choice ? LETTERS.map((l) => `选项${l}`) : []), '答案', '解析', '分值', '标签'],
        rows: EXAMPLES.filter((e) => e.type === type).map((e) => [e.stem, ...(choice ? LETTERS.map((_, i) => e.options[i] ?? '') : []), ...common(e)]),
      };
    });
    return [instructions(layout), ...sheets];
  }
  if (layout === 'options-column') {
    return [
      instructions(layout),
      { name: '题库', header: ['题型', '题干', '选项', '答案', '解析', '分值', '标签'], rows: EXAMPLES.map((e) => [e.label, e.stem, e.options.join('|'), ...common(e)]) },
    ];
  }
  return [
    instructions(layout),
    {
      name: '题库',
      header: ['编号', '题型', '题干', ...LETTERS.map((l) => `选项${l}`), '答案', '解析', '分值', '标签'],
      rows: EXAMPLES.map((e, i) => [`q${i + 1}`, e.label, e.stem, ...LETTERS.map((_, j) => e.options[j] ?? ''), ...common(e)]),
    },
  ];
}
