import { z } from 'zod';

/**
 * Socket messages on the `/live` namespace (socket.io). A screen connects with `auth: { token }`, emits
 * `live.subscribe { site }`, receives a full `live.snapshot` at once, then `live.patch`es (RFC 6902 JSON Patch
 * against the snapshot numbered `base`), at most 4 a second. A patch whose `base` is not the last `seq` the
 * screen holds means it missed one: it emits `live.resync { site }` and gets a fresh snapshot.
 */
export const LiveSubscribe = z.object({ site: z.string().min(1) });
export type LiveSubscribe = z.infer<typeof LiveSubscribe>;

export const JsonPatchOp = z.object({
  op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']),
  path: z.string(),
  from: z.string().optional(),
  value: z.unknown().optional(),
});
export type JsonPatchOp = z.infer<typeof JsonPatchOp>;

export const LiveSnapshotMessage = z.object({ site: z.string(), seq: z.number().int(), snapshot: z.unknown() });
export type LiveSnapshotMessage = z.infer<typeof LiveSnapshotMessage>;

export const LivePatchMessage = z.object({
  site: z.string(),
  seq: z.number().int(),
  base: z.number().int(),
  ops: z.array(JsonPatchOp),
});
export type LivePatchMessage = z.infer<typeof LivePatchMessage>;

export const LIVE_NAMESPACE = '/live';
export const LiveEvents = {
  subscribe: 'live.subscribe',
  unsubscribe: 'live.unsubscribe',
  resync: 'live.resync',
  snapshot: 'live.snapshot',
  patch: 'live.patch',
  error: 'live.error',
} as const;
