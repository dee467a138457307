/** Integer cents as money in the UI's locale (`fr-FR`: `1 234,56 €`, `en-GB`: `€1,234.56`), exact (no float). */
export function formatMoney(cents: number | null | undefined, currency: string, locale: string): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) {
    return '—';
  }
  const abs = Math.abs(Math.trunc(cents));
  const decimal = `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2 });
  // A decimal string keeps every cent (Intl formats it as a decimal, not through a float).
  return format.format(decimal as unknown as number);
}

/** A score in basis points of the maximum as a percentage with two decimals (`8250` → `82,50 %`). */
export function formatScore(bp: number | null | undefined, locale: string): string {
  if (bp === null || bp === undefined || !Number.isFinite(bp)) {
    return '—';
  }
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    bp / 10_000,
  );
}

/** An amount typed in currency units (`12.5`) as integer cents (`1250`), halves away from zero. */
export function toCents(units: number): number {
  return Math.sign(units) * Math.round(Math.abs(units) * 100);
}

/** A figure or manual value as typed; ratios stay fractions (the API's unit). */
export function formatValue(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
}

/** Dates as the API gives them (`YYYY-MM-DD`, ISO or epoch ms) in the UI's locale. */
export function formatDate(date: string | number | null | undefined, locale: string): string {
  if (date === null || date === undefined || date === '') {
    return '—';
  }
  const d =
    typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00:00Z`) : new Date(date);
  return Number.isNaN(d.getTime())
    ? String(date)
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** What the roles allow on these screens (docs/evaluation.md, "Who may do what"); admin does all HR does. */
export function evaluationRights(roles: readonly string[]) {
  const hr = roles.includes('hr') || roles.includes('admin');
  const supervisor = roles.includes('supervisor');
  return { hr, supervisor, scorer: hr || supervisor, agent: roles.includes('agent') };
}
