import { z } from 'zod';

/**
 * How the ratio figures of a queue are computed (`/api/v1/sites/{site}/figure-definitions`): the service-level
 * target, whether short abandons are left out, whether not-distributed contacts count. A definition is immutable
 * and applies to the contacts that entered the queue from its `validFrom` business day on; the contract's own
 * definition (`contract-v1`) applies where no definition is in force.
 */
export const CONTRACT_DEFINITION_ID = 'contract-v1';

export const DefinitionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'lowercase letters, digits, ., - and _ (1 to 63)');

/** The parts of a definition the figures depend on (carried by live queues). */
export const FigureRules = z.object({
  id: z.string(),
  /** Service-level target, seconds (a contact answered with a wait ≤ target is within it). */
  targetSec: z.number().int().min(0),
  /** Abandons with a wait < this many seconds are left out of the ratios; null: none left out. */
  shortAbandonSec: z.number().int().min(1).nullable(),
  /** Whether not-distributed contacts count in the ratios' denominator. */
  countNotDistributed: z.boolean(),
});
export type FigureRules = z.infer<typeof FigureRules>;

export const FigureDefinition = FigureRules.extend({
  /** 1, 2, 3… per site and queue, in creation order. */
  version: z.number().int().min(1),
  /** A queue name, or `*` for the site's default. */
  queue: z.string(),
  /** First business day (site-local `YYYY-MM-DD`) whose contacts follow this definition. */
  validFrom: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type FigureDefinition = z.infer<typeof FigureDefinition>;

/** `POST /api/v1/sites/{site}/figure-definitions`. */
export const CreateFigureDefinition = z.object({
  id: DefinitionId,
  queue: z.string().trim().min(1).max(200).default('*'),
  validFrom: z.iso.date({ message: 'a local date YYYY-MM-DD' }),
  targetSec: z.number().int().min(0).max(86_400),
  shortAbandonSec: z.number().int().min(1).max(3600).nullable().default(null),
  countNotDistributed: z.boolean().default(true),
});
export type CreateFigureDefinition = z.infer<typeof CreateFigureDefinition>;
