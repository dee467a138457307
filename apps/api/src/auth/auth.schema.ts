import { z } from 'zod';
import { ROLES } from './roles.js';

export const Login = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1000) });
export const CreateUser = z.object({
  email: z.email(),
  password: z.string().min(8, 'at least 8 characters').max(1000),
  displayName: z.string().trim().min(1).max(200).optional(),
  roles: z.array(z.enum(ROLES)).min(1),
  teams: z.array(z.string().trim().min(1).max(100)).optional(),
  /** The telephony agent id the user works as (e.g. `SIP/2001`), for agents' own break requests. */
  agent: z.string().trim().min(1).max(200).optional(),
});
export const UpdateUser = z
  .object({
    password: z.string().min(8, 'at least 8 characters').max(1000),
    displayName: z.string().trim().min(1).max(200),
    roles: z.array(z.enum(ROLES)).min(1),
    teams: z.array(z.string().trim().min(1).max(100)),
    disabled: z.boolean(),
    agent: z.string().trim().min(1).max(200).nullable(),
  })
  .partial();
export const NamedToken = z.object({
  name: z.string().trim().min(1).max(100),
  boardId: z.string().max(100).optional(),
});
export type Login = z.infer<typeof Login>;
export type CreateUser = z.infer<typeof CreateUser>;
export type UpdateUser = z.infer<typeof UpdateUser>;
export type NamedToken = z.infer<typeof NamedToken>;
