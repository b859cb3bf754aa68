import { satisfaction } from './shape';

describe('shaping figures', () => {
  it('reports no mean or share when there is no feedback, rather than zero', () => {
    expect(satisfaction([])).toEqual({ responses: 0, mean: null, shareSatisfied: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }, byRole: {} });
  });
});
