import { RecentClaims } from './recent-claims';

describe('RecentClaims', () => {
  it('refuses a second claim within the window and allows it after', () => {
    const claims = new RecentClaims<number>(60_000);
    expect(claims.claim(1, 0)).toBe(true);
    expect(claims.claim(1, 59_999)).toBe(false);
    expect(claims.claim(2, 59_999)).toBe(true);
    expect(claims.claim(1, 60_000)).toBe(true);
  });

  it('forgets the oldest claims beyond its bound', () => {
    const claims = new RecentClaims<number>(60_000, 3);
    for (let k = 1; k <= 4; k++) expect(claims.claim(k, k)).toBe(true);
    expect(claims.claim(1, 10)).toBe(true);
    expect(claims.claim(4, 10)).toBe(false);
  });
});
