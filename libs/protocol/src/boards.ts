import { z } from 'zod';

/**
 * Wallboard layouts (`/api/v1/sites/{site}/boards`): tiles placed on a 12-column grid, each showing a part of the
 * live snapshot. The API validates what it stores with these schemas; the wallboard renders and edits them.
 */
export const BOARD_COLUMNS = 12;
export const BOARD_MAX_ROWS = 24;
export const BOARD_MAX_TILES = 48;

/** Figures a `kpi` tile may show: the live period figures of a queue, a team or the whole site. */
export const KpiFigure = z.enum([
  'waiting',
  'longestWaitSec',
  'avgWaitAnsweredSec',
  'abandoned',
  'received',
  'avgTalkSec',
  'serviceQuality',
  'serviceLevel',
  'offered',
  'answered',
  'notDistributed',
  'maxWaitSec',
]);
export type KpiFigure = z.infer<typeof KpiFigure>;

/** The columns of a `queueTable` tile, in the order the floor reads them. */
export const QUEUE_TABLE_COLUMNS = [
  'waiting',
  'longestWaitSec',
  'avgWaitAnsweredSec',
  'abandoned',
  'received',
  'avgTalkSec',
  'serviceQuality',
  'serviceLevel',
] as const satisfies readonly KpiFigure[];

const Name = z.string().trim().min(1).max(100);

const TileConfigs = {
  kpi: z.object({
    scope: z.enum(['site', 'queue', 'team']),
    /** The queue or team shown; absent for the site. */
    name: Name.optional(),
    figure: KpiFigure,
  }),
  /** Queues shown (all when empty). */
  queueTable: z.object({ queues: z.array(Name).max(50).default([]) }),
  /** Agents of one team or one queue (all when absent). */
  agentGrid: z.object({ team: Name.optional(), queue: Name.optional() }),
  alarmTicker: z.object({}),
  /** Received / answered / abandoned per interval of the day, for one queue or the whole site. */
  intervalChart: z.object({ queue: Name.optional() }),
  channels: z.object({}),
  clock: z.object({}),
  /** A message typed by a supervisor. */
  banner: z.object({ text: z.string().max(280).default('') }),
  /** Abandoned callers still to call back (docs/callbacks.md), for one queue or the whole site. */
  callbacks: z.object({ queue: Name.optional() }),
  /** Per pause reason: agents in it now, today's count and time, the policy's maximum (snapshot `pauses`). */
  pauses: z.object({}),
} as const;

export const TileKind = z.enum(Object.keys(TileConfigs) as [keyof typeof TileConfigs, ...(keyof typeof TileConfigs)[]]);
export type TileKind = z.infer<typeof TileKind>;

const Placement = {
  id: z.string().min(1).max(64),
  x: z
    .number()
    .int()
    .min(0)
    .max(BOARD_COLUMNS - 1),
  y: z
    .number()
    .int()
    .min(0)
    .max(BOARD_MAX_ROWS - 1),
  w: z.number().int().min(1).max(BOARD_COLUMNS),
  h: z.number().int().min(1).max(BOARD_MAX_ROWS),
};

export const Tile = z.discriminatedUnion('kind', [
  z.object({ ...Placement, kind: z.literal('kpi'), config: TileConfigs.kpi }),
  z.object({ ...Placement, kind: z.literal('queueTable'), config: TileConfigs.queueTable }),
  z.object({ ...Placement, kind: z.literal('agentGrid'), config: TileConfigs.agentGrid }),
  z.object({ ...Placement, kind: z.literal('alarmTicker'), config: TileConfigs.alarmTicker }),
  z.object({ ...Placement, kind: z.literal('intervalChart'), config: TileConfigs.intervalChart }),
  z.object({ ...Placement, kind: z.literal('channels'), config: TileConfigs.channels }),
  z.object({ ...Placement, kind: z.literal('clock'), config: TileConfigs.clock }),
  z.object({ ...Placement, kind: z.literal('banner'), config: TileConfigs.banner }),
  z.object({ ...Placement, kind: z.literal('callbacks'), config: TileConfigs.callbacks }),
  z.object({ ...Placement, kind: z.literal('pauses'), config: TileConfigs.pauses }),
]);
export type Tile = z.infer<typeof Tile>;

/** The tiles of a board: unique ids, each inside the 12 columns and the row limit. */
export const BoardLayout = z
  .array(Tile)
  .max(BOARD_MAX_TILES)
  .superRefine((tiles, ctx) => {
    const ids = new Set<string>();
    tiles.forEach((tile, i) => {
      if (ids.has(tile.id)) {
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `tile id "${tile.id}" is used twice` });
      }
      ids.add(tile.id);
      if (tile.x + tile.w > BOARD_COLUMNS) {
        ctx.addIssue({ code: 'custom', path: [i, 'w'], message: `x + w must be at most ${BOARD_COLUMNS}` });
      }
      if (tile.y + tile.h > BOARD_MAX_ROWS) {
        ctx.addIssue({ code: 'custom', path: [i, 'h'], message: `y + h must be at most ${BOARD_MAX_ROWS}` });
      }
    });
  });
export type BoardLayout = z.infer<typeof BoardLayout>;

/** What a supervisor sends to create or replace a board. */
export const BoardInput = z.object({ name: Name, layout: BoardLayout.default([]) });
export type BoardInput = z.infer<typeof BoardInput>;

export const Board = z.object({
  id: z.string(),
  site: z.string(),
  name: z.string(),
  layout: BoardLayout,
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Board = z.infer<typeof Board>;

/** `GET /api/v1/display`: what a display token shows (its site and board). */
export const DisplayBoard = z.object({
  site: z.object({ id: z.string(), name: z.string(), timezone: z.string(), demo: z.boolean() }),
  board: Board,
});
export type DisplayBoard = z.infer<typeof DisplayBoard>;
