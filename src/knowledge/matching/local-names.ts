/**
 * The streets, communities, towns and villages the knowledge is about (小营街道, 培华社区, and 小营 for short),
 * when every entry naming one is about one same place (杭州): a member naming one names that place, though
 * the gazetteer of divisions knows no street.
 */
const LOCAL_UNIT_SUFFIXES = ['街道', '社区', '镇', '乡', '村'];
const LOCAL_UNIT = new RegExp(`\\p{Script=Han}(?:${LOCAL_UNIT_SUFFIXES.join('|')})$`, 'u');

/** `entries`: each entry's names and the places it is about. */
export function localNamesOf(entries: Array<{ names: string[]; places: string[] }>): Set<string> {
  const placesOf = new Map<string, Set<string>>();
  for (const { names, places } of entries) {
    for (const name of names) {
      const known = placesOf.get(name);
      placesOf.set(name, known ? new Set(places.filter((place) => known.has(place))) : new Set(places));
    }
  }
  const local = (name: string) => LOCAL_UNIT.test(name) || LOCAL_UNIT_SUFFIXES.some((suffix) => placesOf.has(name + suffix));
  return new Set([...placesOf].filter(([name, places]) => places.size > 0 && local(name)).map(([name]) => name));
}
