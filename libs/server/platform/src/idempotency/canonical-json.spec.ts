import { canonicalJson, requestHash } from './canonical-json';

describe('canonicalJson / requestHash', () => {
  it('ignores key order at every depth but not array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(requestHash({ a: 1, b: { x: 1, y: 2 } })).toBe(requestHash({ b: { y: 2, x: 1 }, a: 1 }));
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
  });

  it('treats an absent body as null and drops undefined members', () => {
    expect(requestHash(undefined)).toBe(requestHash(null));
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});
