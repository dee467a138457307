import { IANAZone } from 'luxon';
import { z } from 'zod';

export const SiteId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase letters, digits, - and _ (1 to 63)');

export const CreateSite = z.object({
  id: SiteId,
  name: z.string().trim().min(1).max(200),
  timezone: z.string().refine((tz) => IANAZone.isValidZone(tz), 'an IANA time zone such as Europe/Paris'),
  /** When the business day starts, local time, on a quarter hour (`06:00` for an overnight floor). */
  cutover: z
    .string()
    .regex(/^(?:[01]\d|2[0-3]):(?:00|15|30|45)$/, 'a local time HH:mm on a quarter hour, e.g. 06:00')
    .default('00:00'),
});
export type CreateSite = z.infer<typeof CreateSite>;

export interface Site {
  id: string;
  name: string;
  timezone: string;
  /** Start of the business day, local `HH:mm`. */
  cutover: string;
  demo: boolean;
}

/** Minutes after local midnight at which the site's business day starts. */
export function cutoverMinute(site: Pick<Site, 'cutover'>): number {
  return Number(site.cutover.slice(0, 2)) * 60 + Number(site.cutover.slice(3, 5));
}

const pad = (n: number) => String(n).padStart(2, '0');
export const cutoverOf = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
