const MASK = '••••••';

/**
 * Shows only the last `visible` characters of a card or account number behind a fixed-width mask
 * (`••••••1234`); the mask never reveals the length, and a value too short to hide is fully masked.
 */
export function mask(value: string, visible = 4): string {
  const chars = [...value];
  const shown = Math.max(0, Math.floor(visible));
  if (shown === 0 || chars.length <= shown) return MASK;
  return MASK + chars.slice(-shown).join('');
}
