import fc from 'fast-check';
import { boundedMemberText, MAX_MEMBER_TEXT_CHARS } from '../common/text';
import { FUZZ_RUNS, memberText, overlongMemberText } from '../../test/support/member-text';
import { parseCommand, type Command } from './commands';

function expectWellFormed(command: Command): void {
  switch (command.name) {
    case 'pick':
      expect(Number.isInteger(command.number) && command.number >= 0 && command.number <= 99).toBe(true);
      break;
    case 'admin-race':
      expect(Number.isInteger(command.questions) && command.questions >= 0 && command.questions <= 99).toBe(true);
      break;
    case 'bind':
      expect(command.unit.length).toBeGreaterThan(0);
      expect(command.unit.length).toBeLessThanOrEqual(MAX_MEMBER_TEXT_CHARS);
      break;
    case 'admin-stats':
      if (command.unit !== undefined) expect(command.unit.length).toBeGreaterThan(0);
      break;
    case 'admin-announce':
    case 'text':
      expect(typeof command.text).toBe('string');
      expect(command.text.length).toBeLessThanOrEqual(MAX_MEMBER_TEXT_CHARS);
      break;
    default:
      expect(Object.keys(command).filter((key) => key !== 'name' && key !== 'sheet')).toEqual([]);
  }
}

describe('parseCommand', () => {
  it.each([
    ['帮助', { name: 'help' }],
    ['答题！！', { name: 'start-quiz', mode: 'preferred' }],
    ['/答題卡', { name: 'start-quiz', mode: 'sheet' }],
    ['聊天答题', { name: 'start-quiz', mode: 'chat' }],
    ['继续答题。。。   ', { name: 'continue-quiz' }],
    ['？', { name: 'help' }],
    ['3', { name: 'pick', number: 3 }],
    ['绑定：市委统战部', { name: 'bind', unit: '市委统战部' }],
    ['綁 定 市委统战部', { name: 'bind', unit: '市委统战部' }],
    ['公告：明天答题', { name: 'admin-announce', text: '明天答题' }],
    ['抢答 8 题', { name: 'admin-race', questions: 8 }],
    ['统计', { name: 'admin-stats' }],
    ['统计 民革新乡市委', { name: 'admin-stats', unit: '民革新乡市委' }],
    ['单位列表', { name: 'list-units' }],
    ['统战工作条例什么时候施行？', { name: 'text', text: '统战工作条例什么时候施行？' }],
  ])('reads %j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it('never throws and always returns a well-formed command, whatever the text', () => {
    fc.assert(
      fc.property(memberText, (text) => expectWellFormed(parseCommand(text))),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads a text longer than the cap as its first MAX_MEMBER_TEXT_CHARS characters', () => {
    fc.assert(
      fc.property(overlongMemberText, (text) => {
        expect(parseCommand(text)).toEqual(parseCommand(boundedMemberText(text)));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('binds to at most the capped text of a 100,000-character message', () => {
    const command = parseCommand(`绑定 ${'统'.repeat(100_000)}`);
    expect(command).toEqual({ name: 'bind', unit: '统'.repeat(MAX_MEMBER_TEXT_CHARS - 3) });
  });
});

describe('boundedMemberText', () => {
  it('keeps short text and never ends in half a surrogate pair', () => {
    expect(boundedMemberText('答题')).toBe('答题');
    const emoji = `${'a'.repeat(MAX_MEMBER_TEXT_CHARS - 1)}😀😀`;
    expect(boundedMemberText(emoji)).toBe('a'.repeat(MAX_MEMBER_TEXT_CHARS - 1));
  });
});
