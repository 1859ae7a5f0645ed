import { BankImportError, bankToSheet, parseBankSheets, questionTypeFromLabel } from './bank-table';
import type { Sheet } from '../../common/tabular';
import type { BankDefinition } from './types';

const oneSheet: Sheet = {
  name: '题库',
  rows: [
    ['某单位知识竞赛题库'],
    ['编号', '题型', '题目', '选项A', '选项B', '选项C', '选项D', '正确答案', '答案解析', '分值', '知识点'],
    ['w1', '单选题', '片会在哪座城市召开?', '重庆', '成都', '深圳', '兰州', 'B', '在成都召开。', '', '西部片会'],
    ['', '', '', '', '', '', '', '', '', '', ''],
    ['w2', '多项选择', '哪些省区参会?', '甘肃', '浙江', '西藏', '宁夏', 'A、C、D', '', '15', '西部片会,省区'],
    ['', '判断', '成都有130万新的社会阶层人士。', '', '', '', '', '√', '', '', ''],
    ['', 'fill', '玉门构建“____”宣传矩阵。', '', '', '', '', '两翼多点|兩翼多點', '', '', ''],
    ['w6', '單選', '繁体题型也能识别?', '能', '不能', '', '', 'a', '', '', ''],
  ],
};

describe('parseBankSheets, one sheet with a 题型 column', () => {
  it('reads every row below the header, skipping empty rows', () => {
    const questions = parseBankSheets([oneSheet]);
    expect(questions).toEqual([
      {
        key: 'w1',
        type: 'single',
        stem: '片会在哪座城市召开?',
        options: ['重庆', '成都', '深圳', '兰州'],
        answer: ['B'],
        explanation: '在成都召开。',
        points: 10,
        tags: ['西部片会'],
      },
      { key: 'w2', type: 'multiple', stem: '哪些省区参会?', options: ['甘肃', '浙江', '西藏', '宁夏'], answer: ['A', 'C', 'D'], points: 15, tags: ['西部片会', '省区'] },
      { key: 'q3', type: 'truefalse', stem: '成都有130万新的社会阶层人士。', options: [], answer: ['true'], points: 10, tags: [] },
      { key: 'q4', type: 'fill', stem: '玉门构建“____”宣传矩阵。', options: [], answer: ['两翼多点', '兩翼多點'], points: 10, tags: [] },
      { key: 'w6', type: 'single', stem: '繁体题型也能识别?', options: ['能', '不能'], answer: ['A'], points: 10, tags: [] },
    ]);
  });

  it.each([
    ['A', 'true'], ['B', 'false'], ['对', 'true'], ['错', 'false'], ['正确', 'true'], ['错误', 'false'], ['×', 'false'],
    ['是', 'true'], ['否', 'false'], ['T', 'true'], ['F', 'false'], ['錯誤', 'false'], ['TRUE', 'true'],
  ])('reads the truefalse answer %j as %s', (cell, value) => {
    const rows = [['题型', '题干', '答案'], ['判断题', '题目', cell]];
    expect(parseBankSheets([{ name: 'Sheet1', rows }])[0].answer).toEqual([value]);
  });

  it.each([['AC'], ['A,C'], ['A;C'], ['A、C'], ['a c'], ['ＡＣ'], ['C A']])('reads the multiple answer %j as A and C', (cell) => {
    const rows = [['题型', '题干', '选项A', '选项B', '选项C', '答案'], ['多选', '题目', '甲', '乙', '丙', cell]];
    expect(parseBankSheets([{ name: 'Sheet1', rows }])[0].answer).toEqual(['A', 'C']);
  });

  it.each([
    [['选项 A', '选项 B', '选项 C']],
    [['A', 'B', 'C']],
    [['A选项', 'B选项', 'C选项']],
    [['選項A', '選項B', '選項C']],
  ])('finds option columns headed %j', (headers) => {
    const rows = [['试题内容', ...headers, '标准答案', '题型'], ['题目', '甲', '乙', '丙', 'B', '单选']];
    expect(parseBankSheets([{ name: 'Sheet1', rows }])[0].options).toEqual(['甲', '乙', '丙']);
  });

  it('reads a single 选项 column split by | or new lines, dropping A. prefixes', () => {
    const rows = [
      ['问题', '选项', '答案', '题型'],
      ['题目一', '甲|乙|丙', 'C', '单选'],
      ['题目二', 'A.甲\nB.乙\nC、丙', 'A', '单选'],
    ];
    const questions = parseBankSheets([{ name: 'Sheet1', rows }]);
    expect(questions.map((q) => q.options)).toEqual([['甲', '乙', '丙'], ['甲', '乙', '丙']]);
  });

  it('splits fill answers on | ; and ；', () => {
    const rows = [['题干', '答案', '题型'], ['题目', '七万 ; 7万；70000|7万余', '填空题']];
    expect(parseBankSheets([{ name: 'Sheet1', rows }])[0].answer).toEqual(['七万', '7万', '70000', '7万余']);
  });
});

describe('parseBankSheets, one sheet per type', () => {
  const sheets: Sheet[] = [
    { name: '说明', rows: [['请按模板填写'], ['每题10分']] },
    { name: '单选题', rows: [['序号', '题干', 'A', 'B', 'C', 'D', '答案'], ['1', '单选一', '甲', '乙', '丙', '丁', 'D']] },
    { name: '多选题', rows: [['序号', '题干', 'A', 'B', 'C', 'D', '答案', '分数'], ['1', '多选一', '甲', '乙', '丙', '丁', 'ABD', '15']] },
    { name: '判断', rows: [['序号', '题干', '答案'], ['1', '判断一', '错'], ['2', '判断二', '对']] },
    { name: '填空题', rows: [['题干', '答案', '解析'], ['填空一', '同心驿站', '见原文']] },
  ];

  it('takes the type from the sheet name', () => {
    const questions = parseBankSheets(sheets);
    expect(questions.map((q) => [q.key, q.type, q.answer, q.points])).toEqual([
      ['q1', 'single', ['D'], 10],
      ['q2', 'multiple', ['A', 'B', 'D'], 15],
      ['q3', 'truefalse', ['false'], 10],
      ['q4', 'truefalse', ['true'], 10],
      ['q5', 'fill', ['同心驿站'], 10],
    ]);
    expect(questions[4].explanation).toBe('见原文');
  });

  it.each([['单选题'], ['单选'], ['單選題'], ['单项选择题'], ['single']])('reads the sheet name %j as single', (name) => {
    expect(questionTypeFromLabel(name)).toBe('single');
  });

  it('drops 正确/错误 written in the option columns of a truefalse sheet', () => {
    const rows = [['题干', '选项A', '选项B', '答案'], ['判断一', '正确', '错误', 'A']];
    expect(parseBankSheets([{ name: '判断题', rows }])[0]).toMatchObject({ options: [], answer: ['true'] });
  });

  it('skips explicit keys when assigning default ones', () => {
    const rows = [['编号', '题干', '答案'], ['q2', '一', '对'], ['', '二', '错']];
    expect(parseBankSheets([{ name: '判断题', rows }]).map((q) => q.key)).toEqual(['q2', 'q2-2']);
  });
});

describe('parseBankSheets, bad rows', () => {
  const header = ['编号', '题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '分值'];
  const good = ['g1', '单选', '好题', '甲', '乙', '丙', '丁', 'A', '10'];
  const failure = (bad: string[], sheetName = '单选题') => {
    // Header on row 1, a good row on 2, an empty row on 3: the bad row is spreadsheet row 4.
    try {
      parseBankSheets([{ name: sheetName, rows: [header, good, [], bad] }]);
    } catch (err) {
      if (err instanceof BankImportError) return { sheet: err.sheet, row: err.row, reason: err.reason, message: err.message };
      throw err;
    }
    throw new Error('no BankImportError');
  };

  it.each([
    [['b', '单选', '题', '甲', '乙', '丙', '丁', 'E', ''], '答案字母E没有对应的选项（选项为A至D）。'],
    [['b', '单选', '题', '甲', '乙', '', '', 'C', ''], '答案字母C没有对应的选项（选项为A至B）。'],
    [['b', '单选', '题', '甲', '乙', '丙', '丁', 'AC', ''], '单选题只能有1个答案，现有2个（AC）。'],
    [['b', '多选', '题', '甲', '乙', '丙', '丁', 'A', ''], '多选题至少要有2个答案，现有1个（A）。'],
    [['b', '单选', '', '甲', '乙', '丙', '丁', 'A', ''], '「题干」为空。'],
    [['b', '单选', '题', '甲', '乙', '丙', '丁', '', ''], '「答案」为空。'],
    [['b', '单选', '题', '甲', '乙', '丙', '丁', '甲', ''], '答案「甲」不是选项字母（应写成 A 或 AC 这样）。'],
    [['b', '判断', '题', '', '', '', '', '也许', ''], '判断题的答案「也许」不是正确或错误（也可写对/错、√/×、A/B）。'],
    [['b', '判断', '题', '是', '否', '也许', '', '对', ''], '判断题不应填写选项（选项）。'],
    [['b', '问答', '题', '', '', '', '', 'x', ''], '题型「问答」不是单选、多选、判断、填空之一。'],
    [['b', '单选', '题', '甲', '', '丙', '丁', 'A', ''], '「选项B」为空。'],
    [['b', '单选', '题', '甲', '乙', '甲', '丁', 'A', ''], '「选项C」与「选项A」重复。'],
    [['b', '单选', '题', '甲', '乙', '丙', '丁', 'A', '0'], '「分值」应为正整数，现为0。'],
    [['b', '单选', '题', '甲', '乙', '丙', '丁', 'A', '十'], '分值「十」不是正整数。'],
    [['b', '单选', '题', '甲', '', '', '', 'A', ''], '单选题至少要有2个选项，现有1个。'],
    [['g1', '单选', '题', '甲', '乙', '丙', '丁', 'A', ''], '编号g1已在工作表「单选题」第2行用过。'],
  ])('rejects %j: %s', (bad, reason) => {
    expect(failure(bad)).toEqual({ sheet: '单选题', row: 4, reason, message: `工作表「单选题」第4行：${reason}` });
  });

  it('rejects a fill row without accepted answers', () => {
    expect(failure(['b', '填空', '题', '', '', '', '', '|;', '']).reason).toMatch(/^填空题至少要有一个可接受的答案/);
  });

  it('rejects a row without a type when the sheet name is no type', () => {
    expect(failure(['b', '', '题', '甲', '乙', '', '', 'A', ''], 'Sheet1').reason).toBe('「题型」为空。');
  });

  it('rejects a per-type layout sheet whose name is no type', () => {
    expect(() => parseBankSheets([{ name: 'Sheet1', rows: [['题干', '答案'], ['题', 'A']] }])).toThrow(
      '工作表「Sheet1」第1行：没有「题型」列，工作表名「Sheet1」也不是单选题、多选题、判断题、填空题之一。',
    );
  });

  it('rejects a workbook without a header', () => {
    expect(() => parseBankSheets([{ name: 'csv', rows: [['a', 'b']] }])).toThrow('第1行：没有找到题目');
  });

  it('leaves out the sheet name for CSV uploads', () => {
    const rows = [['题型', '题干', '答案'], ['判断', '', '对']];
    expect(() => parseBankSheets([{ name: 'csv', rows }])).toThrow(/^第2行：「题干」为空。$/);
  });
});

describe('bankToSheet', () => {
  it('round-trips through parseBankSheets', () => {
    const bank: BankDefinition = {
      slug: 'demo',
      title: '演示',
      questions: [
        ...parseBankSheets([oneSheet]),
        {
          key: 'eight',
          type: 'multiple',
          stem: '八个选项\n第二行',
          options: ['一', '二', '三', '四', '五', '六', '七', '八'],
          answer: ['A', 'H'],
          points: 20,
          tags: ['甲', '乙'],
          explanation: '解析,含逗号',
          source: { file: '003_a863ba8baad2a526.txt', quote: '中央统战部在成都召开' },
        },
        { key: 'tf', type: 'truefalse', stem: '判断', options: [], answer: ['false'], points: 10, tags: [] },
        { key: 'n', type: 'fill', stem: '数字', options: [], answer: ['2736', '2,736', '1+4+N'], points: 10, tags: [] },
      ],
    };
    const sheet = bankToSheet(bank);
    expect(sheet.header).toEqual(['编号', '题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '选项G', '选项H', '答案', '解析', '分值', '标签', '来源文件', '来源原文']);
    expect(sheet.rows.every((r) => r.length === sheet.header.length)).toBe(true);
    // As readTable would hand the cells back: text.
    const rows = [sheet.header, ...sheet.rows.map((r) => r.map(String))];
    expect(parseBankSheets([{ name: sheet.name, rows }])).toEqual(bank.questions);
  });
});
