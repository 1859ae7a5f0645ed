import { pointsToOwnPlace, refersBack } from './asking';
import { type EntityExtractor, type EntityProfile } from './entities';
import { withoutPlaceNow } from './entry-places';
import type { Place } from './gazetteer';

/**
 * The entities of a member's question that say whose fact is asked: without the member's own body and,
 * where the question also names a place the knowledge is about, their own place; with the levels and
 * periods of the clause where it asks.
 */
export class QuestionEntities {
  constructor(
    private readonly extractor: EntityExtractor,
    /** The places entries are about (their tags' places). */
    private readonly subjects: Set<string>,
    /** The streets and communities the entries are about, which name their city (小营: 杭州; see localNamesOf). */
    private readonly localNames: Set<string>,
    /** The places the entries' texts and answers name. */
    private readonly placesKnown: Set<string>,
  ) {}

  /**
   * The entities a question names. When it turns from context to asking (……我就想知道有几位当了
   * 省人大代表), its places, names and figures still say whose fact is asked and what is known,
   * but the levels and periods of the context (又是副县级又是政协委员) describe other facts.
   * `selfless`: the question without the clauses where the member describes themselves (see withoutSelfDescription);
   * `setAside`: what it sets aside (see exceptedNames).
   */
  of(normalised: string, selfless: string, clause: string | undefined, setAside: string[]): EntityProfile {
    const all = this.extractor.extract(normalised, true);
    // The member's own body (我是侨联的工作人员) is not the fact's. Nor is their own place when the rest names
    // a place some entry is about (我们是张掖的，……玉门共享了什么实验室); alone, beside a place no entry is about
    // (新建, 酒泉那边来人问我), or pointed back to (我们这边), it still says whose fact is asked.
    const told = selfless === normalised ? all : this.withoutOwnPlace(all, this.extractor.extract(selfless, true), selfless, normalised);
    // What the member sets aside (除了九三学社支社阵地之外) names no body the fact must be of, unless the rest names it too.
    const rest = setAside.reduce((text, aside) => text.split(aside).join(' '), normalised);
    const setAsideOnly = (name: string) => setAside.some((aside) => aside.includes(name)) && !rest.includes(name);
    const whole = setAside.length ? { ...told, names: new Set([...told.names].filter((name) => !setAsideOnly(name))) } : told;
    if (!clause) return whole;
    const asked = this.extractor.extract(clause, true);
    // An asking clause pointing back and naming no level of its own (请问这笔奖励由哪个部门发放) asks at its context's.
    if (refersBack(clause) && !asked.levels.size && !asked.scopes.size && !asked.periods.size) return whole;
    return { ...whole, places: this.placesAskedAbout(whole.places, asked), levels: asked.levels, scopes: asked.scopes, periods: asked.periods };
  }

  /**
   * The places of a question whose asking clause names a place the knowledge is about (……想学小营，请问小营
   * 打造的…; 我在郑州上班。……重庆有个…工程，叫啥): the places of its story before that no entry names are the
   * member's, not the fact's. One an entry names (襄阳建了165个基地，那新乡…) still tells which fact is asked.
   */
  private placesAskedAbout(places: Map<string, Place>, asked: EntityProfile): Map<string, Place> {
    const named = [...asked.places.values()];
    if (!named.some((place) => this.isSubject(place)) && ![...asked.names].some((name) => this.localNames.has(name))) return places;
    return new Map([...places].filter(([name]) => asked.places.has(name) || named.some((place) => place.within.includes(name)) || this.placesKnown.has(name)));
  }

  /** Whether entries are about this place or the city of this district or county (成华区 of 成都); a province holds too much. */
  private isSubject(place: Place): boolean {
    return this.subjects.has(place.name) || (place.within.length > 1 && this.subjects.has(place.within[0]));
  }


  /** `rest`: the entities of the question without the member's self-description (`selfless`), with its places when they are the fact's. */
  private withoutOwnPlace(all: EntityProfile, rest: EntityProfile, selfless: string, normalised: string): EntityProfile {
    // A street the knowledge is about (小营) names its city when the rest names no place (我们是宁波海曙区一个街道的，……小营红巷的…).
    const namesSubject =
      [...rest.places.values()].some((place) => this.isSubject(place)) || (!rest.places.size && [...rest.names].some((name) => this.localNames.has(name)));
    return { ...rest, places: namesSubject && !pointsToOwnPlace(selfless) ? rest.places : withoutPlaceNow(all.places, normalised, selfless) };
  }
}
