import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLinkSecret } from './link-secret';
import { signLink, verifyLink, type LinkClaims } from './link-token';

const SECRET = 'a-secret-long-enough-for-the-tests-0123456789';
const now = new Date('2026-12-02T01:00:00Z');
const later = new Date('2026-12-03T01:00:00Z');

const claimsArb: fc.Arbitrary<LinkClaims> = fc.oneof(
  fc.record({
    kind: fc.constant('personal' as const),
    memberId: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    roundId: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    expiresAt: fc.constant(later),
  }),
  fc.record({ kind: fc.constant('group' as const), roundId: fc.integer({ min: 1, max: 2 ** 31 - 1 }), expiresAt: fc.constant(later) }),
);

describe('web link tokens', () => {
  it('read back what they were signed with', () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const token = signLink(SECRET, claims);
        expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
        expect(verifyLink(SECRET, token, now)).toEqual({ ok: true, claims });
      }),
    );
  });

  it('refuse any changed character', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(claimsArb, fc.nat(), fc.nat(), (claims, at, pick) => {
        const token = signLink(SECRET, claims);
        const index = at % token.length;
        const replacement = alphabet[pick % alphabet.length];
        fc.pre(replacement !== token[index]);
        const altered = token.slice(0, index) + replacement + token.slice(index + 1);
        expect(verifyLink(SECRET, altered, now).ok).toBe(false);
      }),
    );
  });

  it('refuse every other spelling of the signature’s last character (it carries two unused bits)', () => {
    const token = signLink(SECRET, { kind: 'group', roundId: 2141143040, expiresAt: later });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const accepted = [...alphabet].filter((c) => verifyLink(SECRET, token.slice(0, -1) + c, now).ok);
    expect(accepted).toEqual([token.slice(-1)]);
  });

  it('refuse another member or round under the same signature, and another secret', () => {
    const token = signLink(SECRET, { kind: 'personal', memberId: 7, roundId: 3, expiresAt: later });
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(`p.8.3.${Math.ceil(later.getTime() / 1000).toString(36)}`).toString('base64url')}.${signature}`;
    expect(verifyLink(SECRET, forged, now)).toEqual({ ok: false, reason: 'altered' });
    expect(verifyLink('another-secret-long-enough-for-the-tests-xyz', token, now)).toEqual({ ok: false, reason: 'altered' });
  });

  it('do not let a group link pass for a personal one', () => {
    const group = signLink(SECRET, { kind: 'group', roundId: 3, expiresAt: later });
    const check = verifyLink(SECRET, group, now);
    expect(check.ok && check.claims.kind).toBe('group');
  });

  it('expire when the round closes', () => {
    const token = signLink(SECRET, { kind: 'personal', memberId: 1, roundId: 1, expiresAt: later });
    expect(verifyLink(SECRET, token, new Date(later.getTime() - 1000)).ok).toBe(true);
    expect(verifyLink(SECRET, token, later)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse garbage without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(verifyLink(SECRET, text, now).ok).toBe(false);
      }),
    );
    expect(verifyLink(SECRET, 'x'.repeat(10_000), now)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('the link secret', () => {
  it('is generated once, kept readable by the owner only, and reused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'link-secret-'));
    try {
      const first = loadLinkSecret({ DATA_DIR: dir });
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(fs.statSync(path.join(dir, 'web-link-secret')).mode & 0o777).toBe(0o600);
      expect(loadLinkSecret({ DATA_DIR: dir })).toBe(first);
      expect(loadLinkSecret({ DATA_DIR: dir, WEB_LINK_SECRET: SECRET })).toBe(SECRET);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
