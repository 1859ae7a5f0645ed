import { Pacer, drainSeconds, messagesPerHour, retryDelayMs, splitMessage } from './pacing';

const length = (s: string) => Array.from(s).length;
/** splitMessage trims at the cuts: compare texts without their whitespace. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('Pacer', () => {
  it('lets the first message go at once', () => {
    const pacer = new Pacer({ minIntervalMs: 1000, jitterMs: 500, maxPerMinute: 10 }, () => 0.5);
    expect(pacer.delayFor(1_000_000)).toBe(0);
  });

  it('keeps the minimum interval between two sends', () => {
    const pacer = new Pacer({ minIntervalMs: 1000, jitterMs: 0, maxPerMinute: 100 }, () => 0.99);
    pacer.recordSend(10_000);
    expect(pacer.delayFor(10_000)).toBe(1000);
    expect(pacer.delayFor(10_400)).toBe(600);
    expect(pacer.delayFor(10_999)).toBe(1);
    expect(pacer.delayFor(11_000)).toBe(0);
    expect(pacer.delayFor(15_000)).toBe(0);
  });

  it('adds a jitter between 0 and jitterMs, drawn from the injected random', () => {
    const gapAfter = (random: number) => {
      const pacer = new Pacer({ minIntervalMs: 1000, jitterMs: 500, maxPerMinute: 100 }, () => random);
      pacer.recordSend(0);
      return pacer.delayFor(0);
    };
    expect(gapAfter(0)).toBe(1000);
    expect(gapAfter(0.5)).toBe(1000 + Math.floor(0.5 * 501));
    expect(gapAfter(0.999999)).toBe(1500);
  });

  it('draws a new jitter for every send', () => {
    const draws = [0, 1 / 3, 0.999999];
    const pacer = new Pacer({ minIntervalMs: 100, jitterMs: 300, maxPerMinute: 100 }, () => draws.shift()!);
    const gaps: number[] = [];
    let now = 0;
    for (let i = 0; i < 3; i++) {
      pacer.recordSend(now);
      const gap = pacer.delayFor(now);
      gaps.push(gap);
      now += gap;
    }
    expect(gaps).toEqual([100, 100 + Math.floor((1 / 3) * 301), 400]);
    expect(draws).toHaveLength(0);
  });

  it('uses Math.random when no random is given, within the bounds', () => {
    const pacer = new Pacer({ minIntervalMs: 200, jitterMs: 50, maxPerMinute: 1000 });
    for (let i = 0; i < 100; i++) {
      const now = i * 1000;
      pacer.recordSend(now);
      const gap = pacer.delayFor(now);
      expect(gap).toBeGreaterThanOrEqual(200);
      expect(gap).toBeLessThanOrEqual(250);
    }
  });

  it('caps the sends in any sliding minute', () => {
    const pacer = new Pacer({ minIntervalMs: 0, jitterMs: 0, maxPerMinute: 3 }, () => 0);
    pacer.recordSend(0);
    expect(pacer.delayFor(0)).toBe(0);
    pacer.recordSend(10_000);
    pacer.recordSend(20_000);
    // Three in the last minute: wait until the oldest one is a minute old.
    expect(pacer.delayFor(20_000)).toBe(40_000);
    expect(pacer.delayFor(59_999)).toBe(1);
    expect(pacer.delayFor(60_000)).toBe(0);
    pacer.recordSend(60_000);
    // Now 10 s, 20 s and 60 s are in the window: the next slot opens when 10 s leaves it.
    expect(pacer.delayFor(60_000)).toBe(10_000);
    expect(pacer.delayFor(70_000)).toBe(0);
  });

  it('never lets more than maxPerMinute sends into any 60 s window when sending as fast as allowed', () => {
    const max = 7;
    const pacer = new Pacer({ minIntervalMs: 1000, jitterMs: 2000, maxPerMinute: max });
    const sends: number[] = [];
    let now = 0;
    while (now < 10 * 60_000) {
      const wait = pacer.delayFor(now);
      if (wait === 0) {
        pacer.recordSend(now);
        sends.push(now);
      } else {
        now += wait;
      }
    }
    for (let i = 0; i + max < sends.length; i++) {
      // The (max+1)-th send after send i is at least a minute later.
      expect(sends[i + max] - sends[i]).toBeGreaterThanOrEqual(60_000);
    }
    for (let i = 1; i < sends.length; i++) expect(sends[i] - sends[i - 1]).toBeGreaterThanOrEqual(1000);
    // It does not starve either: roughly max sends a minute.
    expect(sends.length).toBeGreaterThanOrEqual(max * 9);
  });

  it('applies the larger of the interval and the per-minute wait', () => {
    const pacer = new Pacer({ minIntervalMs: 30_000, jitterMs: 0, maxPerMinute: 2 }, () => 0);
    pacer.recordSend(0);
    expect(pacer.delayFor(0)).toBe(30_000);
    pacer.recordSend(30_000);
    // The interval allows 60 s; the cap too (the send at 0 leaves the window at 60 s).
    expect(pacer.delayFor(30_000)).toBe(30_000);
    pacer.recordSend(60_000);
    // Interval: 90 s; cap: the send at 30 s leaves the window at 90 s.
    expect(pacer.delayFor(60_000)).toBe(30_000);
  });
});

describe('retryDelayMs', () => {
  it('starts at 2 s and doubles with every try', () => {
    expect(retryDelayMs(1)).toBe(2000);
    expect(retryDelayMs(2)).toBe(4000);
    expect(retryDelayMs(3)).toBe(8000);
    expect(retryDelayMs(4)).toBe(16_000);
  });

  it('grows monotonically and is capped at 5 minutes', () => {
    let previous = 0;
    for (let tries = 1; tries <= 100; tries++) {
      const delay = retryDelayMs(tries);
      expect(delay).toBeGreaterThanOrEqual(previous);
      expect(delay).toBeLessThanOrEqual(300_000);
      previous = delay;
    }
    expect(retryDelayMs(8)).toBe(256_000);
    expect(retryDelayMs(9)).toBe(300_000);
    expect(retryDelayMs(100)).toBe(300_000);
    expect(retryDelayMs(10_000)).toBe(300_000);
  });

  it('treats zero or negative tries as the first', () => {
    expect(retryDelayMs(0)).toBe(2000);
    expect(retryDelayMs(-3)).toBe(2000);
  });
});

describe('splitMessage', () => {
  it('keeps a short message whole (trimmed)', () => {
    expect(splitMessage('  您好,我是统战小助手。  ', 600)).toEqual(['您好,我是统战小助手。']);
    expect(splitMessage('正好十个字正好十个字', 10)).toEqual(['正好十个字正好十个字']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitMessage('', 100)).toEqual([]);
    expect(splitMessage(' \n\n  ', 100)).toEqual([]);
  });

  it('splits at a paragraph end first', () => {
    const first = '第一段。'.repeat(10); // 40 chars
    const second = '第二段,'.repeat(10);
    const chunks = splitMessage(`${first}\n\n${second}`, 60);
    expect(chunks).toEqual([first, second]);
  });

  it('prefers a line end to a sentence end', () => {
    const line1 = '一二三四五。六七八九十。'.repeat(3); // 36 chars
    const line2 = '甲乙丙丁戊。己庚辛壬癸。'.repeat(3);
    const chunks = splitMessage(`${line1}\n${line2}`, 50);
    expect(chunks).toEqual([line1, line2]);
  });

  it('splits at a sentence end when there is no line break', () => {
    const text = '统一战线是党的重要法宝。'.repeat(10); // 12 chars each
    const chunks = splitMessage(text, 30);
    for (const chunk of chunks) {
      expect(length(chunk)).toBeLessThanOrEqual(30);
      expect(chunk.endsWith('。') || chunk === chunks[chunks.length - 1]).toBe(true);
    }
    expect(chunks.join('')).toBe(text);
  });

  it('splits at Chinese sentence and clause ends (full-width ! ? ; ,)', () => {
    for (const mark of ['！', '？', '；', '，']) {
      const sentence = `这是一个很长的句子用来测试${mark}`; // 14 chars
      const text = sentence.repeat(8);
      const chunks = splitMessage(text, 40);
      for (const chunk of chunks) {
        expect(length(chunk)).toBeLessThanOrEqual(40);
        expect(chunk.endsWith(mark)).toBe(true);
      }
      expect(chunks.join('')).toBe(text);
    }
  });

  it('splits at ASCII punctuation and spaces', () => {
    const text = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const chunks = splitMessage(text, 50);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(50);
      expect(chunk).toMatch(/^word\d+( word\d+)*$/);
    }
    expect(chunks.join(' ')).toBe(text);
  });

  it('does not cut in the first half of a chunk just to reach a separator', () => {
    // The only separator is near the start: a hard cut at the limit is better than a tiny chunk.
    const text = `短。${'长'.repeat(200)}`;
    const chunks = splitMessage(text, 50);
    expect(length(chunks[0])).toBe(50);
    expect(chunks.join('')).toBe(text);
  });

  it('cuts hard at the limit when the text has no separators', () => {
    const text = '统'.repeat(1234);
    const chunks = splitMessage(text, 100);
    expect(chunks).toHaveLength(13);
    expect(chunks.slice(0, 12).every((c) => length(c) === 100)).toBe(true);
    expect(length(chunks[12])).toBe(34);
    expect(chunks.join('')).toBe(text);
  });

  it('counts characters, not UTF-16 units, and never splits a surrogate pair', () => {
    const text = '😀'.repeat(250);
    const chunks = splitMessage(text, 100);
    expect(chunks.map(length)).toEqual([100, 100, 50]);
    for (const chunk of chunks) expect(chunk).toMatch(/^(😀)+$/u);
    expect(chunks.join('')).toBe(text);
  });

  it('never exceeds the limit and keeps all the text, on varied random texts', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = ['统战', '政策', '。', '！', '？', ',', ',', ';', '；', ' ', '\n', '\n\n', 'abc', '😀', '工作条例', '7万'];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 400) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const max = 5 + Math.floor(random() * 120);
      const chunks = splitMessage(text, max);
      for (const chunk of chunks) {
        expect(length(chunk)).toBeLessThanOrEqual(max);
        expect(chunk).not.toBe('');
        expect(chunk).toBe(chunk.trim());
      }
      expect(squeeze(chunks.join(''))).toBe(squeeze(text));
      // Order is kept: each chunk follows the previous one in the text.
      let from = 0;
      const flat = squeeze(text);
      for (const chunk of chunks) {
        const at = flat.indexOf(squeeze(chunk), from);
        expect(at).toBe(from);
        from += squeeze(chunk).length;
      }
    }
  });

  it('splits a long bot answer of 600+ characters into WeChat-sized messages', () => {
    const paragraph = '中国共产党统一战线工作条例明确了统一战线的工作范围和对象,规定了统战工作的领导体制和工作机制。';
    const text = Array.from({ length: 30 }, () => paragraph).join('\n');
    const chunks = splitMessage(text, 600);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(length(chunk)).toBeLessThanOrEqual(600);
      expect(chunk.endsWith('。')).toBe(true);
    }
    expect(squeeze(chunks.join(''))).toBe(squeeze(text));
  });
});

describe('drainSeconds', () => {
  it('takes the gap with its average jitter, or the cap a minute when that is slower', () => {
    expect(messagesPerHour({ minIntervalMs: 1000, jitterMs: 500, maxPerMinute: 40 })).toBe(2400);
    expect(drainSeconds(40, { minIntervalMs: 1000, jitterMs: 500, maxPerMinute: 40 })).toBe(60);
    expect(drainSeconds(10, { minIntervalMs: 2000, jitterMs: 0, maxPerMinute: 1000 })).toBe(20);
    expect(drainSeconds(0, { minIntervalMs: 2000, jitterMs: 0, maxPerMinute: 1000 })).toBe(0);
  });
});
