import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.svelte.js';
import type { PayRun } from './api.js';
import { formatMoney, toCents } from './format.js';
import PayReview from './pay-review.svelte';

/** Intl separates thousands and the symbol with (narrow) no-break spaces: compare on plain spaces. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

function run(status: 'draft' | 'locked' = 'draft'): PayRun {
  return {
    id: 'run-1',
    periodId: 'p1',
    status,
    currency: 'EUR',
    totalCents: 123_456_789,
    supersedes: null,
    lines: [
      {
        agentId: 'SIP/2001',
        name: 'Alice',
        teamId: 'A',
        individualCents: 10_050,
        collectiveCents: 3_333,
        challengeCents: 0,
        capCents: -5,
        adjustmentCents: -1_000,
        totalCents: 12_378,
        prorationBp: 8_000,
        explanations: [
          {
            rule: 'individual',
            ruleId: null,
            figure: { name: 'scoreBp', value: 8_250 },
            tier: 1,
            amountCents: 10_050,
            detail: 'score 82.50 → tier 2 → 125.63 EUR × 80 %',
          },
          { rule: 'adjustment', ruleId: null, figure: null, tier: null, amountCents: -1_000, detail: 'overpaid' },
        ],
      },
    ],
  };
}

describe('money', () => {
  it('formats integer cents exactly in French and British English', () => {
    expect(plain(formatMoney(123_456_789, 'EUR', 'fr-FR'))).toBe('1 234 567,89 €');
    expect(plain(formatMoney(-5, 'EUR', 'fr-FR'))).toBe('-0,05 €');
    expect(formatMoney(123_456_789, 'EUR', 'en-GB')).toBe('€1,234,567.89');
    expect(formatMoney(100, 'GBP', 'en-GB')).toBe('£1.00');
    expect(formatMoney(null, 'EUR', 'fr-FR')).toBe('—');
    expect([toCents(12.34), toCents(-0.125), toCents(0.1 + 0.2)]).toEqual([1234, -13, 30]);
  });
});

describe('pay review table', () => {
  afterEach(() => {
    cleanup();
    i18n.locale = 'fr';
  });

  it('shows one line per agent in euros and its explanation on demand', async () => {
    render(PayReview, { run: run(), onAdjust: vi.fn(), onLock: vi.fn() });
    const line = screen.getByRole('row', { name: /SIP\/2001/ });
    expect(plain(line.textContent)).toContain('100,50 €');
    expect(plain(line.textContent)).toContain('-10,00 €');
    expect(plain(line.textContent)).toContain('123,78 €');
    expect(plain(document.body.textContent)).toContain('1 234 567,89 €');
    expect(screen.getByText('Brouillon (modifiable)')).toBeTruthy();

    const details = screen.getByRole('button', { name: 'Détail de SIP/2001' });
    expect(details.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(details);
    const explanation = screen.getByRole('table', { name: 'Calcul de SIP/2001' });
    const rows = within(explanation).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(plain(rows[1]!.textContent)).toContain('Individuel');
    expect(plain(rows[1]!.textContent)).toContain('scoreBp = 8');
    expect(plain(rows[1]!.textContent)).toContain('Palier 2');
    expect(plain(rows[1]!.textContent)).toContain('100,50 €');
    expect(rows[1]!.textContent).toContain('score 82.50 → tier 2');
    expect(plain(rows[2]!.textContent)).toContain('Ajustements');
    expect(rows[2]!.textContent).toContain('overpaid');
    await fireEvent.click(screen.getByRole('button', { name: 'Masquer le détail de SIP/2001' }));
    expect(screen.queryByRole('table', { name: 'Calcul de SIP/2001' })).toBeNull();
  });

  it('formats for English readers', () => {
    i18n.locale = 'en';
    render(PayReview, { run: run() });
    expect(screen.getByRole('row', { name: /SIP\/2001/ }).textContent).toContain('€100.50');
  });

  it('adds an adjustment with its reason, in cents', async () => {
    const onAdjust = vi.fn(() => Promise.resolve());
    render(PayReview, { run: run(), onAdjust, onLock: vi.fn() });
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter un ajustement' }));
    expect(screen.getByRole('alert').textContent).toContain('Indiquez un montant non nul et une raison.');
    await fireEvent.input(screen.getByLabelText('Montant signé (EUR)'), { target: { value: '-12.5' } });
    await fireEvent.input(screen.getByLabelText('Raison de l\u2019ajustement'), { target: { value: 'trop-perçu' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter un ajustement' }));
    await vi.waitFor(() =>
      expect(onAdjust).toHaveBeenCalledWith({ agent: 'SIP/2001', cents: -1250, reason: 'trop-perçu' }),
    );
  });

  it('locks only after a confirmation, then offers the CSV', async () => {
    const onLock = vi.fn(() => Promise.resolve());
    const { rerender } = render(PayReview, { run: run(), onLock, onExport: vi.fn(), exportHref: '/x/export.csv' });
    expect(screen.queryByRole('link', { name: 'Exporter le fichier de paie (CSV)' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Verrouiller le calcul' }));
    expect(onLock).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog', { name: 'Confirmer le verrouillage' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Oui, verrouiller' }));
    await vi.waitFor(() => expect(onLock).toHaveBeenCalledOnce());

    await rerender({ run: run('locked'), onLock, onExport: vi.fn(), exportHref: '/x/export.csv' });
    expect(screen.getByText('Verrouillé')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Verrouiller le calcul' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ajouter un ajustement' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Exporter le fichier de paie (CSV)' }).getAttribute('href')).toBe(
      '/x/export.csv',
    );
  });
});
