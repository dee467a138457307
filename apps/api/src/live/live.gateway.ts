import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayInit,
} from '@nestjs/websockets';
import {
  LIVE_NAMESPACE,
  LiveEvents,
  LiveSubscribe,
  type FloorSnapshot,
  type JsonPatchOp,
  type LivePatchMessage,
} from '@vigie/protocol';
import fastJsonPatch from 'fast-json-patch';
import { firstValueFrom } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';
import { canReadSite, TokenVerifier, type Principal } from '../auth/roles.js';
import type { Frame } from './live.pipeline.js';
import { LiveService } from './live.service.js';

const room = (site: string) => `site:${site}`;
/** The screens of a site's staff (supervisors, vigie, HR, admins): agents' requests go there, not to TVs. */
const staffRoom = (site: string) => `staff:${site}`;
const STAFF_ROLES = new Set(['admin', 'supervisor', 'vigie', 'hr']);
const isStaff = (p: Principal) => p.kind === 'user' && p.roles.some((r) => STAFF_ROLES.has(r));

/**
 * Pushes live figures: a full snapshot when a screen subscribes, then JSON patches between consecutive
 * frames, computed once per frame for all the screens of a site.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, cors: { origin: true } })
export class LiveGateway implements OnGatewayInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveGateway.name);
  private readonly publishing = new Map<string, { unsubscribe(): void }>();
  @WebSocketServer() private readonly server!: Namespace;

  constructor(
    @Inject(LiveService) private readonly live: LiveService,
    @Inject(TokenVerifier) private readonly tokens: TokenVerifier,
  ) {}

  /** Authenticates during the handshake: a screen without a valid token never connects (connect_error). */
  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      const verified = typeof token === 'string' ? this.tokens.verify(token) : Promise.resolve(null);
      verified.then(
        (principal) => {
          if (!principal) {
            next(new Error('authentication required: connect with auth: { token } (a user or display token)'));
            return;
          }
          socket.data = { principal };
          next();
        },
        (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  @SubscribeMessage(LiveEvents.subscribe)
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<void> {
    const request = LiveSubscribe.safeParse(body);
    const principal = (socket.data as { principal?: Principal }).principal;
    if (!request.success || !principal) {
      socket.emit(LiveEvents.error, { message: 'live.subscribe needs { site }' });
      return;
    }
    const { site } = request.data;
    if (!canReadSite(principal, site)) {
      socket.emit(LiveEvents.error, { message: `not allowed to read site "${site}"` });
      return;
    }
    try {
      await this.publish(site);
      await socket.join(isStaff(principal) ? [room(site), staffRoom(site)] : room(site));
      await this.sendSnapshot(socket, site);
    } catch (error) {
      socket.emit(LiveEvents.error, { message: (error as Error).message });
    }
  }

  @SubscribeMessage(LiveEvents.resync)
  async resync(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<void> {
    const request = LiveSubscribe.safeParse(body);
    if (request.success && socket.rooms.has(room(request.data.site))) {
      await this.sendSnapshot(socket, request.data.site);
    }
  }

  @SubscribeMessage(LiveEvents.unsubscribe)
  async unsubscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<void> {
    const request = LiveSubscribe.safeParse(body);
    if (request.success) {
      await socket.leave(room(request.data.site));
      await socket.leave(staffRoom(request.data.site));
    }
  }

  /** Sends a message to every screen subscribed to the site (across instances with the Redis adapter). */
  emitToSite(site: string, event: string, payload: unknown): void {
    this.server.to(room(site)).emit(event, payload);
  }

  /** Sends a message to the staff screens subscribed to the site only (never to display tokens or agents). */
  emitToSiteStaff(site: string, event: string, payload: unknown): void {
    this.server.to(staffRoom(site)).emit(event, payload);
  }

  onModuleDestroy(): void {
    for (const subscription of this.publishing.values()) {
      subscription.unsubscribe();
    }
  }

  private async sendSnapshot(socket: Socket, site: string): Promise<void> {
    const frame = await firstValueFrom(await this.live.frames(site));
    socket.emit(LiveEvents.snapshot, { site, seq: frame.seq, snapshot: frame.snapshot });
  }

  /** Starts fanning a site's frames out to its room, once. */
  private async publish(site: string): Promise<void> {
    if (this.publishing.has(site)) {
      return;
    }
    const frames = await this.live.frames(site);
    if (this.publishing.has(site)) {
      return;
    }
    let previous: Frame<FloorSnapshot> | undefined;
    const subscription = frames.subscribe((frame) => {
      if (previous && previous.seq < frame.seq) {
        const message: LivePatchMessage = {
          site,
          seq: frame.seq,
          base: previous.seq,
          ops: fastJsonPatch.compare(previous.snapshot, frame.snapshot) as JsonPatchOp[],
        };
        this.server.to(room(site)).emit(LiveEvents.patch, message);
      }
      previous = frame;
    });
    this.publishing.set(site, subscription);
    this.logger.log({ site }, 'publishing live frames');
  }
}
