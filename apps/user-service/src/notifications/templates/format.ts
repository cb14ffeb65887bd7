/*
 * Pure formatting for notice templates: Korean won and dates, HTML escaping and the one email
 * layout every kind shares. No Nest or TypeORM here, so templates are plain functions.
 */

/** What a template renders: the in-app title and body (plain text) and an email. */
export interface RenderedNotice {
  title: string;
  body: string;
  email: { subject: string; text: string; html: string };
}

/** An integer amount of won as `12,900원`. */
export function formatWon(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return `${sign}${String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}원`;
}

const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

/** A calendar date `YYYY-MM-DD` as `2026년 11월 24일 (화)`. */
export function formatDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
  return `${y}년 ${mo}월 ${d}일 (${weekday})`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to place in HTML element content or a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** The parts a template decides; `compose` turns them into the app text and the email. */
export interface NoticeParts {
  title: string;
  /** Sentences of the body, in order; the in-app body joins them with spaces. */
  paragraphs: string[];
  /** Label and value rows shown in the email (상품, 결제 금액, …). */
  facts: [label: string, value: string][];
}

const BRAND = '로스터리 마켓';

/** Builds the app body and a plain-text and an HTML email, escaping every value in the HTML. */
export function compose({ title, paragraphs, facts }: NoticeParts): RenderedNotice {
  // A subject is a mail header: a line break in an item name must not start a new header.
  const subject = `[${BRAND}] ${title}`.replace(/[\r\n]+/g, ' ');
  const text = [title, '', ...paragraphs, ...(facts.length ? ['', ...facts.map(([k, v]) => `${k}: ${v}`)] : []), '', `— ${BRAND}`].join('\n');
  const rows = facts.map(([k, v]) => `<tr><th align="left" style="padding:4px 12px 4px 0;color:#666;font-weight:normal">${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(v)}</td></tr>`).join('');
  const html = [
    '<!doctype html>',
    '<html lang="ko"><head><meta charset="utf-8"><title>',
    escapeHtml(title),
    '</title></head><body style="font-family:sans-serif;line-height:1.6;color:#222">',
    `<h1 style="font-size:20px">${escapeHtml(title)}</h1>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    rows ? `<table role="presentation" style="border-collapse:collapse">${rows}</table>` : '',
    `<p style="color:#888;font-size:12px">${escapeHtml(BRAND)}</p>`,
    '</body></html>',
  ].join('');
  return { title, body: paragraphs.join(' '), email: { subject, text, html } };
}
