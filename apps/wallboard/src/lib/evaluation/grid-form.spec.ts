import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GridBody } from './api.js';
import { emptyGrid, gridBody, newTier, tierIssues, type GridDraft } from './grid-draft.js';
import GridForm from './grid-form.svelte';
import { reactive } from './test-state.svelte.js';

const tiers = (...rows: [number | undefined, number | undefined, number | undefined][]) =>
  rows.map(([from, to, value]) => newTier(from, to, value));

describe('tier rows', () => {
  it('accepts sorted half-open tiers with an open last one', () => {
    expect(tierIssues(tiers([0, 3, 0], [3, 5, 5], [5, undefined, 10]), 'C', true)).toEqual([]);
  });

  it('names each broken row: missing start, end before start, overlap, open in the middle, bad points', () => {
    expect(tierIssues(tiers([undefined, 3, 0], [3, 2, 5]), 'C', true)).toEqual([
      'C, palier 1 : indiquez le début.',
      'C, palier 2 : la fin doit dépasser le début.',
    ]);
    expect(tierIssues(tiers([0, 5, 1], [4, undefined, 2]), 'C', true)).toEqual([
      'C, palier 1 : les paliers doivent être triés sans chevauchement.',
    ]);
    expect(tierIssues(tiers([0, undefined, 1], [4, undefined, 2]), 'C', true)).toEqual([
      'C, palier 1 : seul le dernier palier peut être sans limite.',
    ]);
    expect(tierIssues(tiers([0, undefined, 1.5]), 'C', true)).toEqual([
      'C, palier 1 : les points sont un entier positif ou nul.',
    ]);
    expect(tierIssues(tiers([0, undefined, 1.5]), 'C', false)).toEqual([]);
    expect(tierIssues([], 'C', true)).toEqual(['C : ajoutez au moins un palier.']);
  });
});

function filled(): GridDraft {
  const draft = reactive(emptyGrid());
  draft.id = 'qualite';
  draft.label = 'Qualité';
  draft.validFrom = '2026-12-01';
  draft.teams = 'A, B';
  draft.sections[0]!.label = 'Accueil';
  draft.sections[0]!.criteria[0]!.label = 'Politesse';
  return draft;
}

describe('grid form', () => {
  afterEach(() => cleanup());

  it('lists what to fix before sending anything', async () => {
    const onSave = vi.fn((_: GridBody) => Promise.resolve());
    render(GridForm, { draft: reactive(emptyGrid()), mode: 'create', onSave });
    await fireEvent.click(screen.getByRole('button', { name: 'Créer la grille' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Indiquez l'identifiant de la grille.".replace("'", '\u2019'));
    expect(alert.textContent).toContain('Section 1 : identifiant et libellé obligatoires.');
    expect(alert.textContent).toContain('Section 1, critère 1 : identifiant et libellé obligatoires.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('edits tier rows and checks them', async () => {
    const onSave = vi.fn((_: GridBody) => Promise.resolve());
    render(GridForm, { draft: filled(), mode: 'create', onSave });
    const what = 'Paliers de Section 1, critère 1';
    const where = 'Section 1, critère 1';
    await fireEvent.input(screen.getByLabelText(`${what}, palier 2 : de`), { target: { value: '2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Créer la grille' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      `${where}, palier 1 : les paliers doivent être triés sans chevauchement.`,
    );
    await fireEvent.input(screen.getByLabelText(`${what}, palier 2 : de`), { target: { value: '3' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter un palier' }));
    await fireEvent.input(screen.getByLabelText(`${what}, palier 3 : Points`), { target: { value: '20' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Créer la grille' }));
    expect(screen.getByRole('alert').textContent).toContain(
      `${where}, palier 2 : seul le dernier palier peut être sans limite.`,
    );
    await fireEvent.input(screen.getByLabelText(`${what}, palier 2 : à (exclu)`), { target: { value: '4' } });
    await fireEvent.input(screen.getByLabelText(`${what}, palier 3 : de`), { target: { value: '4' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Créer la grille' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    const body = onSave.mock.calls[0]![0];
    expect(body).toMatchObject({ id: 'qualite', label: 'Qualité', validFrom: '2026-12-01', teams: ['A', 'B'] });
    expect(body.sections[0]!.criteria[0]).toEqual({
      id: 's1c1',
      label: 'Politesse',
      weight: 1,
      naAllowed: false,
      kind: 'manual',
      scale: { min: 0, max: 5 },
      tiers: [
        { from: 0, to: 3, points: 0 },
        { from: 3, to: 4, points: 10 },
        { from: 4, points: 20 },
      ],
    });
  });

  it('shows the server refusal next to the form', async () => {
    const onSave = () => Promise.reject(new Error('invalid body: validFrom: before the current business day'));
    render(GridForm, { draft: filled(), mode: 'create', onSave });
    await fireEvent.click(screen.getByRole('button', { name: 'Créer la grille' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Refusé par le serveur : invalid body: validFrom: before the current business day',
    );
  });

  it('builds KPI, yes/no and eliminatory criteria', () => {
    const draft = filled();
    const c = draft.sections[0]!.criteria[0]!;
    c.kind = 'kpi';
    c.figure = 'fcr';
    c.target = 0.8;
    c.eliminatory = 'grid';
    c.eliminatoryBelow = 0.5;
    c.naAllowed = true;
    expect(gridBody(draft, false).sections[0]!.criteria[0]).toMatchObject({
      kind: 'kpi',
      kpi: { figure: 'fcr' },
      target: 0.8,
      eliminatory: 'grid',
      eliminatoryBelow: 0.5,
      naAllowed: true,
    });
    expect(gridBody(draft, false)).not.toHaveProperty('id');
    c.kind = 'manual';
    c.scale = 'yesNo';
    expect(gridBody(draft, true).sections[0]!.criteria[0]).toMatchObject({ kind: 'manual', scale: 'yesNo' });
  });

  it('shows a stored version read-only', () => {
    render(GridForm, { draft: filled(), mode: 'view' });
    expect(screen.queryByRole('button', { name: 'Créer la grille' })).toBeNull();
    expect(screen.getByLabelText('Libellé de la section').closest('fieldset')!.disabled).toBe(true);
  });
});
