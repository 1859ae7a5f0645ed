/**
 * Times as organisers write them and as people read them, in the configured time zone rather
 * than the server's: a time without an offset is wall time in that zone.
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export const DATE_TIME_HINT = '应为日期时间，例如 2026-12-03 09:00 或 2026-12-03T09:00:00+08:00';

/** The instant a date-time string names; null when it is not one. Offset-less times are read in `timeZone`. */
export function parseDateTime(text: string, timeZone: string): Date | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  // Date.UTC rolls 2026-02-30 over to March: such a date is not one.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  if (m[8]) {
    if (m[8].toUpperCase() === 'Z') return new Date(wall);
    const digits = m[8].replace(':', '');
    const offsetMinutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0);
    if (offsetMinutes > 18 * 60) return null;
    return new Date(wall - (digits[0] === '-' ? -1 : 1) * offsetMinutes * 60_000);
  }
  return new Date(wallTimeToInstant(wall, timeZone));
}

/** Offset of `timeZone` from UTC at an instant, in minutes (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** Two passes settle the offset also next to a daylight-saving change. */
function wallTimeToInstant(wall: number, timeZone: string): number {
  let instant = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  instant = wall - zoneOffsetMinutes(instant, timeZone) * 60_000;
  return instant;
}

/** ISO 8601 with the offset of `timeZone`: 2026-12-03T09:00:00+08:00. */
export function isoInZone(date: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(date.getTime(), timeZone);
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${offsetText(offset, ':')}`;
}

/** The zone's offset as people read it next to a time: UTC+8, UTC+5:30. */
export function offsetLabel(date: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(date.getTime(), timeZone);
  const hours = Math.trunc(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `UTC${offset < 0 ? '-' : '+'}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

function offsetText(offset: number, separator: string): string {
  const abs = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${String(Math.trunc(abs / 60)).padStart(2, '0')}${separator}${String(abs % 60).padStart(2, '0')}`;
}

/** The instant the day of `date` began in `timeZone` (00:00 there). */
export function startOfLocalDay(date: Date, timeZone: string): Date {
  return parseDateTime(`${isoInZone(date, timeZone).slice(0, 10)} 00:00`, timeZone)!;
}
