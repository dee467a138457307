import { IANAZone } from 'luxon';
import { z } from 'zod';

export const SiteId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase letters, digits, - and _ (1 to 63)');

export const CreateSite = z.object({
  id: SiteId,
  name: z.string().trim().min(1).max(200),
  timezone: z.string().refine((tz) => IANAZone.isValidZone(tz), 'an IANA time zone such as Europe/Paris'),
});
export type CreateSite = z.infer<typeof CreateSite>;

export interface Site {
  id: string;
  name: string;
  timezone: string;
  demo: boolean;
}
