/**
 * The places of an entry and of a member's question that are not the fact's: a street or community an
 * entry reports on (小营街道) against a whole the question counts (上城区全区), and where the member is now
 * against where they are from.
 */
import { pointsToOwnPlace } from './asking';
import type { EntityProfile } from './entities';
import type { Place } from './gazetteer';
import { normaliseQuestion } from './normalise';

/** A street or community named as what an entry is about (小营街道, 培华社区). */
export const LOCAL_PLACE = /\p{Script=Han}(?:街道|社区)$/u;

/**
 * The member's places without where they are now, when they also say where they are from (我是襄阳人，
 * 在上海上班，……家乡那次培训): a place written after 在 in their description of themselves (`normalised`
 * past `selfless`) is where they work or live, not the place of the fact.
 */
export function withoutPlaceNow(places: Map<string, Place>, normalised: string, selfless: string): Map<string, Place> {
  const description = normalised.replace(selfless, ' ');
  const now = [...places.keys()].filter((place) => description.includes(`在${place}`) && !selfless.includes(place));
  // 我是德阳人，在襄阳工作，这边建了多少个基地; ……在德阳上班，我们单位刚评上: where the member is now is the place they ask about.
  const afterNow = now.length ? normalised.slice(normalised.indexOf(`在${now[0]}`)) : '';
  if (now.length && HERE.test(afterNow)) return new Map([...places].filter(([place]) => now.includes(place)));
  if (pointsToOwnPlace(selfless)) return places;
  // 我是四川人，在德阳上班: a province holding the place now says no other place the member is from.
  const from = [...places.keys()].filter(
    (place) => !now.includes(place) && description.includes(place) && now.every((here) => !places.get(here)?.within.includes(place)),
  );
  return now.length && from.length ? new Map([...places].filter(([place]) => !now.includes(place))) : places;
}

/** Words for the place the member is in (这边, 本市, 当地, 我们单位; 市里, 市委 or 街道 opening a clause). */
const HERE = /这边|这里|这儿|本市|本县|本区|本地|当地|我们单位|我单位|单位(?:这边|那边|这里|那里)|(?:^|[，,。？?！!\s])(?:市里|县里|区里|市委|县委|区委|全市|全县|全区|街道|社区)/;

/** A street's or community's name as written and without 街道 or 社区 (小营街道, 小营). */
function streetForms(name: string): string[] {
  return [name, name.replace(/街道$|社区$/, '')];
}

/** The names of an entry's tags that are not places of China (小营街道 and 小营, 红巷同心筑; not 杭州). */
export function localNames(tags: string[], places: Map<string, Place>): string[] {
  return tags
    .map(normaliseQuestion)
    .filter((tag) => tag && ![...places.keys()].some((place) => tag.startsWith(place) && !LOCAL_PLACE.test(tag)))
    .flatMap((tag) => (LOCAL_PLACE.test(tag) ? streetForms(tag) : [tag]))
    .filter((name) => Array.from(name).length >= 2);
}

/** The places of the question's profiles whose whole it names after them (上城区全区, 杭州全市, 上城区一季度全区). */
export function placesWholeIn(normalised: string, profiles: Array<EntityProfile | undefined>): Set<string> {
  const places = new Set(profiles.flatMap((profile) => [...(profile?.places.keys() ?? [])]));
  return new Set([...places].filter((place) => new RegExp(`${place}[省市区县]?\\p{Script=Han}{0,4}?全[省市区县]`, 'u').test(normalised)));
}

/**
 * Whether what an entry reports is its street's or community's, and the question (`normalised`,
 * naming `places`) asks a figure of a place's whole (`wholesAsked`, see placesWholeIn) other than a
 * whole the answer names, without naming the street. Only a figure: 全市有名的律师工作室建在哪个社区
 * describes the studio, and 红巷同心筑面向全区梳理了多少个子项目 says whom the street serves, while
 * 上城区全区一共有多少个子项目 counts another whole.
 */
export function isLocal(entry: { locals: string[]; wholes: Set<string> }, normalised: string, { places }: EntityProfile, wholesAsked: Set<string>): boolean {
  if (!entry.locals.length || !wholesAsked.size || entry.locals.some((name) => normalised.includes(name))) return false;
  return [...places.keys()].some((place) => !entry.wholes.has(place) && wholesAsked.has(place));
}

/**
 * Whether an answer names a place as a whole of its own (上城区各党派), not only as where the
 * entry's street or community lies (成华区培华社区: `locals`, with or without 街道 or 社区).
 */
export function namesWhole(answer: string, place: string, locals: string[]): boolean {
  const streets = locals.flatMap(streetForms).filter(Boolean);
  for (let at = answer.indexOf(place); at >= 0; at = answer.indexOf(place, at + 1)) {
    const after = answer.slice(at + place.length).replace(/^[省市区县]/, '');
    if (!streets.some((street) => after.startsWith(street))) return true;
  }
  return false;
}
