import { aliasBomb } from '../../../test/support/hostile-files';
import { BankFileError, bankToYaml, parseBankYaml } from './bank-file';
import type { BankDefinition } from './types';

const bankYaml = `
slug: demo
title: 演示题库
description: 用于测试
questions:
  - id: q-single
    type: single
    stem: 片会在哪座城市召开?
    options: [重庆, 成都, 深圳, 兰州]
    answer: B
    explanation: 在成都召开。
    points: 10
    tags: [西部片会]
    source:
      file: 003_a863ba8baad2a526.txt
      quote: 中央统战部在成都召开
  - id: q-multiple
    type: multiple
    stem: 哪些省区参会?
    options: [甘肃, 浙江, 西藏, 河南, 宁夏]
    answer: ACE
    points: 15
    tags: []
  - id: q-tf
    type: truefalse
    stem: 成都有130万新的社会阶层人士。
    answer: true
    tags: [成都]
  - id: 7
    type: fill
    stem: 拟定8个模块____条具体制度。
    answer: [20, 二十]
`;

describe('parseBankYaml', () => {
  it('reads a bank into question definitions', () => {
    const bank = parseBankYaml(bankYaml, 'demo.yaml');
    expect(bank.slug).toBe('demo');
    expect(bank.description).toBe('用于测试');
    expect(bank.questions.map((q) => [q.key, q.type, q.answer, q.points])).toEqual([
      ['q-single', 'single', ['B'], 10],
      ['q-multiple', 'multiple', ['A', 'C', 'E'], 15],
      ['q-tf', 'truefalse', ['true'], 10],
      ['7', 'fill', ['20', '二十'], 10],
    ]);
    expect(bank.questions[2].options).toEqual([]);
    expect(bank.questions[0].source).toEqual({ file: '003_a863ba8baad2a526.txt', quote: '中央统战部在成都召开' });
    expect(bank.questions[1].explanation).toBeUndefined();
  });

  it('accepts answer letters written with separators or in lower case', () => {
    const bank = parseBankYaml(bankYaml.replace('answer: ACE', 'answer: "e, a, c"'), 'demo.yaml');
    expect(bank.questions[1].answer).toEqual(['A', 'C', 'E']);
  });

  const broken: Array<[string, string, string]> = [
    ['a letter without an option', 'answer: B', 'answer: F'],
    ['two answers on a single', 'answer: B', 'answer: BC'],
    ['one answer on a multiple', 'answer: ACE', 'answer: A'],
    ['options on a truefalse', 'answer: true', 'options: [对, 错]\n    answer: true'],
    ['a truefalse answer that is not true/false', 'answer: true', 'answer: maybe'],
    ['an empty stem', 'stem: 片会在哪座城市召开?', 'stem: ""'],
    ['zero points', 'points: 15', 'points: 0'],
    ['fractional points', 'points: 15', 'points: 1.5'],
    ['no accepted fill answer', 'answer: [20, 二十]', 'answer: []'],
    ['an unknown type', 'type: truefalse', 'type: essay'],
    ['an unknown field', 'tags: [成都]', 'tag: [成都]'],
    ['nine options', 'options: [甘肃, 浙江, 西藏, 河南, 宁夏]', 'options: [a, b, c, d, e, f, g, h, i]'],
    ['a repeated key', 'id: q-tf', 'id: q-single'],
  ];
  it.each(broken)('rejects %s, naming the file and question', (_, from, to) => {
    const text = bankYaml.replace(from, to);
    expect(text).not.toBe(bankYaml);
    expect(() => parseBankYaml(text, 'quizzes/demo.yaml')).toThrow(BankFileError);
    expect(() => parseBankYaml(text, 'quizzes/demo.yaml')).toThrow(/^quizzes\/demo\.yaml: 第\d题（/);
  });

  it('gives readable reasons', () => {
    const reason = (from: string, to: string) => {
      try {
        parseBankYaml(bankYaml.replace(from, to), 'demo.yaml');
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    };
    expect(reason('answer: B', 'answer: F')).toBe('demo.yaml: 第1题（q-single）：答案字母F没有对应的选项（选项为A至D）。');
    expect(reason('answer: B', 'answer: BC')).toBe('demo.yaml: 第1题（q-single）：单选题只能有1个答案，现有2个（BC）。');
    expect(reason('points: 15', 'points: 0')).toBe('demo.yaml: 第2题（q-multiple）：「points」应为正整数，现为0。');
    expect(reason('tags: [成都]', 'tag: [成都]')).toMatch(/^demo\.yaml: 第3题（q-tf）：.*tag/);
    expect(reason('type: truefalse', 'type: essay')).toMatch(/^demo\.yaml: 第3题（q-tf）：type: 应为 single、multiple、truefalse、fill 之一/);
    expect(reason('id: q-tf', 'id: q-single')).toBe('demo.yaml: 第3题（q-single）：id q-single 已被第1题使用');
  });

  it('rejects YAML that does not parse and a bank without a slug', () => {
    expect(() => parseBankYaml('slug: [unclosed', 'x.yaml')).toThrow(/^x\.yaml: 不是有效的 YAML/);
    expect(() => parseBankYaml(bankYaml.replace('slug: demo', ''), 'x.yaml')).toThrow(/^x\.yaml: slug/);
  });

  it('refuses an alias bomb as a bank file error, before expanding it', () => {
    const bomb = ['slug: bomb', 'title: 别名炸弹', aliasBomb(), 'questions: [*i]'].join('\n');
    expect(() => parseBankYaml(bomb, 'bomb.yaml')).toThrow(new BankFileError('bomb.yaml', 'YAML 中的别名（*）展开过多（上限 100 处），疑似“别名炸弹”，已拒绝。'));
  });
});

describe('bankToYaml', () => {
  it('round-trips with parseBankYaml', () => {
    const bank = parseBankYaml(bankYaml, 'demo.yaml');
    const again = parseBankYaml(bankToYaml(bank), 'again.yaml');
    expect(again).toEqual(bank);
  });

  it('keeps tricky text intact', () => {
    const bank: BankDefinition = {
      slug: 'tricky',
      title: '标题: 含冒号 # 和井号',
      questions: [
        {
          key: '001',
          type: 'fill',
          stem: 'yes/no? "引号" 与 \'单引号\'\n第二行',
          options: [],
          answer: ['2736', '2,736', 'true', '1+4+N', '- 破折号'],
          points: 5,
          tags: ['null', '123'],
        },
        { key: 'tf', type: 'truefalse', stem: '判断', options: [], answer: ['false'], points: 10, tags: [] },
      ],
    };
    expect(parseBankYaml(bankToYaml(bank), 'tricky.yaml')).toEqual(bank);
  });
});
