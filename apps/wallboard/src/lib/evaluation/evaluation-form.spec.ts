import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import type { Grid } from '@vigie/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { siteApi, type EvaluationDetail, type EvaluationStatus, type Revision } from './api.js';
import EvaluationForm from './evaluation-form.svelte';
import { evaluationRights } from './format.js';

const grid: Grid = {
  id: 'qualite',
  version: 1,
  validFrom: 0,
  label: 'Qualité',
  sections: [
    {
      id: 's1',
      label: 'Accueil',
      weight: 1,
      criteria: [
        {
          id: 'qs',
          label: 'Qualité de service',
          weight: 1,
          kind: 'kpi',
          kpi: { figure: 'serviceQuality' },
          naAllowed: false,
          target: 0.9,
          tiers: [
            { from: 0, to: 0.9, points: 0 },
            { from: 0.9, points: 10 },
          ],
        },
        {
          id: 'polite',
          label: 'Politesse',
          weight: 2,
          kind: 'manual',
          scale: { min: 0, max: 5 },
          naAllowed: true,
          tiers: [
            { from: 0, to: 3, points: 0 },
            { from: 3, points: 10 },
          ],
        },
        {
          id: 'script',
          label: 'Script suivi',
          weight: 1,
          kind: 'manual',
          scale: 'yesNo',
          naAllowed: false,
          tiers: [
            { from: 0, to: 1, points: 0 },
            { from: 1, points: 10 },
          ],
        },
      ],
    },
  ],
};

function revision(n: number, values: Revision['values'], scoreBp: number | null = null): Revision {
  return {
    revision: n,
    supersedes: n > 1 ? n - 1 : null,
    values,
    comments: {},
    score:
      scoreBp === null
        ? null
        : {
            scoreBp,
            eliminatedBy: null,
            sections: [{ sectionId: 's1', label: 'Accueil', weight: 1, scoreBp, eliminatedBy: null }],
            criteria: [
              {
                sectionId: 's1',
                criterionId: 'polite',
                label: 'Politesse',
                weight: 2,
                value: 4,
                tier: 1,
                points: 10,
                maxPoints: 10,
                eliminates: null,
                explanation: 'Politesse: 4 → [3, …) → 10/10 points × weight 2',
              },
            ],
          },
    scoreBp,
    author: 'sup@test',
    authoredAt: '2026-12-01T10:00:00Z',
    reason: null,
    agentResponse: null,
    arbitration: null,
    locked: null,
  };
}

function evaluation(status: EvaluationStatus, revisions = [revision(1, { qs: 0.85 })]): EvaluationDetail {
  return { id: 'ev1', periodId: 'p1', agent: 'SIP/2001', team: 'A', status, grid, revisions };
}

/** Answers every call with `answer` (the evaluation after the change), recording the calls. */
function mockApi(answer: EvaluationDetail) {
  const fetch = vi.fn((_: string, __?: RequestInit) =>
    Promise.resolve(new Response(JSON.stringify(answer), { status: 200 })),
  );
  vi.stubGlobal('fetch', fetch);
  const calls = () =>
    fetch.mock.calls.map(([url, init]) => ({
      method: init?.method ?? 'GET',
      url,
      body: init?.body ? (JSON.parse(init.body as string) as unknown) : undefined,
    }));
  return { client: siteApi('paris'), calls };
}

const show = (status: EvaluationStatus, roles: string[], revisions?: Revision[]) => {
  const api = mockApi(evaluation(status === 'draft' ? 'submitted' : 'validated', revisions));
  render(EvaluationForm, {
    evaluation: evaluation(status, revisions),
    rights: evaluationRights(roles),
    client: api.client,
    autosaveMs: 60_000,
  });
  return api;
};

describe('evaluation form', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lets the supervisor score manual criteria (KPI read-only) and submit', async () => {
    const { calls } = show('draft', ['supervisor']);
    expect(screen.queryByLabelText('Valeur de « Qualité de service »')).toBeNull();
    expect(document.querySelector('[data-criterion="qs"]')!.textContent).toContain('0,85');
    expect(screen.getByText(/Alimenté par l.indicateur : Qualité de service/)).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Valeur de « Politesse »'), { target: { value: '4' } });
    await fireEvent.change(screen.getByLabelText('Valeur de « Script suivi »'), { target: { value: '1' } });
    await fireEvent.input(screen.getByLabelText('Commentaire sur « Politesse »'), { target: { value: 'souriant' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Soumettre à l’agent' }));
    await screen.findByText('Évaluation soumise.');
    const [patch, submit] = calls();
    expect(patch).toMatchObject({ method: 'PATCH', url: '/api/v1/sites/paris/evaluations/ev1' });
    expect(patch!.body).toMatchObject({ values: { polite: 4, script: 1 }, comments: { polite: 'souriant' } });
    expect(submit).toMatchObject({ method: 'POST', url: '/api/v1/sites/paris/evaluations/ev1/submit' });
  });

  it('sends N/A as null and shows the server score and explanations', async () => {
    const { calls } = show('draft', ['hr'], [revision(1, { qs: 0.85, polite: 4, script: 1 }, 8_250)]);
    expect(document.querySelector('.score')!.textContent.replace(/\s/g, ' ')).toBe('82,50 %');
    expect(screen.getByText('Politesse: 4 → [3, …) → 10/10 points × weight 2')).toBeTruthy();
    await fireEvent.click(screen.getByLabelText('N/A pour « Politesse »'));
    await fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Évaluation enregistrée.');
    expect(calls()[0]!.body).toMatchObject({ values: { polite: null, script: 1 } });
  });

  it('lets the agent acknowledge, or dispute with a comment only', async () => {
    const { calls } = show('submitted', ['agent']);
    expect(screen.queryByRole('button', { name: 'Soumettre à l’agent' })).toBeNull();
    expect(screen.queryByLabelText('Valeur de « Politesse »')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Contester' }));
    expect(screen.getByRole('alert').textContent).toBe('Un commentaire est obligatoire.');
    expect(calls()).toHaveLength(0);
    await fireEvent.input(screen.getByLabelText('Votre commentaire (obligatoire pour contester)'), {
      target: { value: 'Je conteste la politesse' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Contester' }));
    await screen.findByText('Contestation envoyée.');
    expect(calls()[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/sites/paris/evaluations/ev1/dispute',
      body: { comment: 'Je conteste la politesse' },
    });
  });

  it('gives the supervisor nothing to do on a submitted one, and validation once acknowledged', async () => {
    show('submitted', ['supervisor']);
    expect(screen.getByText('Aucune action possible pour vous à ce statut.')).toBeTruthy();
    cleanup();
    const { calls } = show('acknowledged', ['supervisor']);
    await fireEvent.click(screen.getByRole('button', { name: 'Valider (verrouiller)' }));
    await screen.findByText('Évaluation validée.');
    expect(calls()[0]).toMatchObject({ method: 'POST', url: '/api/v1/sites/paris/evaluations/ev1/validate' });
  });

  it('lets HR uphold a dispute with corrected values, KPI included', async () => {
    const { calls } = show('disputed', ['hr'], [revision(1, { qs: 0.85, polite: 2, script: 1 })]);
    await fireEvent.input(screen.getByLabelText('Valeur de « Qualité de service »'), { target: { value: '0.95' } });
    await fireEvent.input(screen.getByLabelText('Valeur de « Politesse »'), { target: { value: '4' } });
    await fireEvent.input(screen.getByLabelText('Commentaire d’arbitrage'), { target: { value: 'Fondé' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Contestation fondée (appliquer mes valeurs)' }));
    await screen.findByText('Arbitrage enregistré.');
    expect(calls()[0]).toMatchObject({
      url: '/api/v1/sites/paris/evaluations/ev1/arbitrate',
      body: { decision: 'upheld', comment: 'Fondé', values: { qs: 0.95, polite: 4, script: 1 } },
    });
  });

  it('lets HR revise a validated one with a reason; old revisions are read-only', async () => {
    const revisions = [
      revision(1, { qs: 0.85, polite: 2, script: 1 }),
      revision(2, { qs: 0.85, polite: 3, script: 1 }),
    ];
    const { calls } = show('validated', ['hr'], revisions);
    await fireEvent.click(screen.getByRole('button', { name: 'Réviser' }));
    await fireEvent.input(screen.getByLabelText('Valeur de « Politesse »'), { target: { value: '5' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Créer la révision' }));
    expect(screen.getByRole('alert').textContent).toBe('Un commentaire est obligatoire.');
    await fireEvent.input(screen.getByLabelText('Raison'), { target: { value: 'erreur de saisie' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Créer la révision' }));
    await screen.findByText('Révision créée.');
    expect(calls()[0]).toMatchObject({
      url: '/api/v1/sites/paris/evaluations/ev1/revise',
      body: { reason: 'erreur de saisie', values: { qs: 0.85, polite: 5, script: 1 } },
    });

    await fireEvent.click(screen.getByRole('button', { name: 'Voir la révision 1' }));
    expect(screen.getByText('Révision 1 : ancienne révision, en lecture seule.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Réviser' })).toBeNull();
    expect(screen.queryByLabelText('Valeur de « Politesse »')).toBeNull();
    expect(document.querySelector('[data-criterion="polite"]')!.textContent).toContain('2');
  });
});
