import { mask } from './mask';

describe('mask', () => {
  it('shows the last four characters behind a fixed-width mask', () => {
    expect(mask('4330123412341234')).toBe('••••••1234');
    expect(mask('110-123-456789')).toBe('••••••6789');
  });

  it('honours a custom visible count', () => {
    expect(mask('123456789', 2)).toBe('••••••89');
    expect(mask('123456789', 0)).toBe('••••••');
  });

  it('masks fully a value too short to hide anything', () => {
    expect(mask('1234')).toBe('••••••');
    expect(mask('')).toBe('••••••');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(mask('계좌번호가나다라')).toBe('••••••가나다라');
    // Each emoji is two UTF-16 units; slicing units would split one in half.
    expect(mask('abc😀😁😂🤣')).toBe('••••••😀😁😂🤣');
  });
});
