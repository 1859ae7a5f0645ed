import { BANK_SLUG, firstFreeSlug, readableSlug } from './bank-slug';

describe('readableSlug', () => {
  it.each([
    ['2024年第一期题库.xlsx', '2024-nian-di-yi-qi-ti-ku'],
    ['2024年第二期题库.xlsx', '2024-nian-di-er-qi-ti-ku'],
    ['同心实践基地知识测试', 'tong-xin-shi-jian-ji-di-zhi-shi-ce-shi'],
    ['绿色发展·女性ABC题库（二）', 'lv-se-fa-zhan-nv-xing-abc-ti-ku-er'],
    ['Policy Quiz 2024.yaml', 'policy-quiz-2024'],
    ['★★★', 'bank'],
  ])('reads %j as %j', (title, slug) => {
    expect(readableSlug(title)).toBe(slug);
    expect(slug).toMatch(BANK_SLUG);
  });

  it('cuts a long title at a word and leaves room for a suffix', () => {
    const slug = readableSlug('中共中央关于加强新时代统一战线工作的意见学习知识竞赛题库第一期');
    expect(slug.length).toBeLessThanOrEqual(56);
    expect(slug).toMatch(/^zhong-gong-zhong-yang-.*[a-z]$/);
    expect(`${slug}-99`).toMatch(BANK_SLUG);
  });
});

describe('firstFreeSlug', () => {
  it('adds -2, -3… until the slug is free', () => {
    expect(firstFreeSlug('ti-ku', new Set())).toBe('ti-ku');
    expect(firstFreeSlug('ti-ku', new Set(['ti-ku']))).toBe('ti-ku-2');
    expect(firstFreeSlug('ti-ku', new Set(['ti-ku', 'ti-ku-2', 'ti-ku-3']))).toBe('ti-ku-4');
  });
});
