import { localNamesOf } from './local-names';

describe('localNamesOf', () => {
  it('takes a street or community, and its short name, as naming the one place its entries are about', () => {
    const entries = [
      { names: ['小营街道', '小营'], places: ['杭州'] },
      { names: ['小营', '民进'], places: ['杭州'] },
      { names: ['培华社区', '培华'], places: ['成都', '四川'] },
      { names: ['民进'], places: ['德阳'] },
      { names: ['红光村'], places: [] },
    ];
    expect([...localNamesOf(entries)].sort()).toEqual(['培华', '培华社区', '小营', '小营街道'].sort());
  });

  it('leaves out a street named by entries about different places', () => {
    expect(localNamesOf([{ names: ['新华街道'], places: ['德阳'] }, { names: ['新华街道'], places: ['泸州'] }]).size).toBe(0);
  });
});
