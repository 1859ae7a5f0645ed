import crypto from 'node:crypto';

/** What a web quiz link names: one member in one round, or a round's group link. */
export type LinkClaims = { kind: 'personal'; memberId: number; roundId: number; expiresAt: Date } | { kind: 'group'; roundId: number; expiresAt: Date };

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'malformed' | 'altered' | 'expired' };

/** Longest token accepted; anything longer is not one of ours and is refused before hashing. */
export const MAX_TOKEN_LENGTH = 160;

const BODY = /^(p)\.([0-9a-z]{1,10})\.([0-9a-z]{1,10})\.([0-9a-z]{1,10})$|^(g)\.([0-9a-z]{1,10})\.([0-9a-z]{1,10})$/;
const TOKEN = /^[A-Za-z0-9_-]{4,100}\.[A-Za-z0-9_-]{43}$/;

function mac(secret: string, body: string): Buffer {
  return crypto.createHmac('sha256', secret).update(body).digest();
}

const seconds = (date: Date) => Math.ceil(date.getTime() / 1000).toString(36);

/**
 * A link token: the claims in base64url, a dot, and their HMAC-SHA256 under the secret in base64url.
 * A personal link ("p") and a group link ("g") sign different shapes, so neither passes for the other.
 */
export function signLink(secret: string, claims: LinkClaims): string {
  const body =
    claims.kind === 'personal'
      ? `p.${claims.memberId.toString(36)}.${claims.roundId.toString(36)}.${seconds(claims.expiresAt)}`
      : `g.${claims.roundId.toString(36)}.${seconds(claims.expiresAt)}`;
  return `${Buffer.from(body).toString('base64url')}.${mac(secret, body).toString('base64url')}`;
}

/** Checks a token's signature (in constant time) before reading anything it claims, then its expiry. */
export function verifyLink(secret: string, token: string, now = new Date()): LinkCheck {
  if (token.length > MAX_TOKEN_LENGTH || !TOKEN.test(token)) return { ok: false, reason: 'malformed' };
  const [encoded, signature] = token.split('.');
  const body = Buffer.from(encoded, 'base64url').toString('latin1');
  // A body that does not re-encode to the same text was altered in a way base64 tolerates.
  if (Buffer.from(body, 'latin1').toString('base64url') !== encoded) return { ok: false, reason: 'altered' };
  // Compared as text: the last of 43 base64url characters carries two unused bits, so decoding
  // would let three other spellings of the same signature pass.
  const given = Buffer.from(signature, 'latin1');
  const expected = Buffer.from(mac(secret, body).toString('base64url'), 'latin1');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'altered' };
  const m = BODY.exec(body);
  if (!m) return { ok: false, reason: 'malformed' };
  const number = (s: string) => parseInt(s, 36);
  const claims: LinkClaims = m[1]
    ? { kind: 'personal', memberId: number(m[2]), roundId: number(m[3]), expiresAt: new Date(number(m[4]) * 1000) }
    : { kind: 'group', roundId: number(m[6]), expiresAt: new Date(number(m[7]) * 1000) };
  if (now.getTime() >= claims.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
