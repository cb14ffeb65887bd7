/**
 * Toss's two-character card company codes (`card.issuerCode` / `acquirerCode`), from the "코드"
 * reference page. Unknown codes are shown as-is rather than refused: Toss adds companies.
 */
const CARD_COMPANIES: Readonly<Record<string, string>> = {
  '3K': '기업BC',
  '46': '광주',
  '71': '롯데',
  '30': 'KDB산업',
  '31': 'BC',
  '51': '삼성',
  '38': '새마을',
  '41': '신한',
  '62': '신협',
  '36': '씨티',
  '33': '우리',
  W1: '우리',
  '37': '우체국',
  '39': '저축',
  '35': '전북',
  '42': '제주',
  '15': '카카오뱅크',
  '3A': '케이뱅크',
  '24': '토스뱅크',
  '21': '하나',
  '61': '현대',
  '11': 'KB국민',
  '91': 'NH농협',
  '34': 'Sh수협',
};

/** The Korean name of a card company code, or the code itself when it is not in the table. */
export function cardCompanyName(code: string | null | undefined): string | null {
  if (!code) return null;
  return CARD_COMPANIES[code] ?? code;
}
