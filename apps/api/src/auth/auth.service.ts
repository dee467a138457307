import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../config/config.schema.js';
import { CONFIG } from '../config/load-config.js';
import { Database } from '../db/database.js';
import { AuditLog } from './audit-log.js';
import { AuthRepository, type User } from './auth.repository.js';
import { TokenVerifier, type Principal, type Role } from './roles.js';

export const API_KEY_PREFIX = 'vk_';
export const DISPLAY_TOKEN_PREFIX = 'vd_';
export const FIRST_ADMIN_EMAIL = 'admin@vigie.local';

const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');
const randomSecret = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

interface TokenPayload {
  sub: string;
  email: string;
  roles: Role[];
  teams: string[];
  /** A fingerprint of the password hash the token was issued under: a new password ends the old tokens. */
  pwd: string;
}

/** The only algorithm user tokens are signed and accepted with (no `none`, no algorithm switching). */
const JWT_ALGORITHM = 'HS256';

/** A unique index refused the change: here, an agent id already held by another user. */
function agentTaken(error: unknown, agent: string | null | undefined): never {
  if ((error as { code?: string }).code === '23505' && agent) {
    throw new ConflictException(`agent "${agent}" is already another user's`);
  }
  throw error;
}

const passwordFingerprint = (passwordHash: string) => sha256(passwordHash).slice(0, 16);

/**
 * Passwords (argon2id), bearer tokens (signed JWTs for users; random secrets, stored hashed, for API keys
 * and display screens) and the first admin.
 */
@Injectable()
export class AuthService extends TokenVerifier implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  private readonly jwt = new JwtService({});
  private secret: string | undefined;
  /** A real hash, verified against when the e-mail is unknown, so both failures take as long. */
  private dummyHash: Promise<string> = hash('not a password of anyone');

  constructor(
    @Inject(AuthRepository) private readonly repo: AuthRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(Database) private readonly db: Database,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jwtSecret();
    await this.bootstrapAdmin();
  }

  /** A signed token for valid credentials; undefined otherwise (the caller answers 401, nothing else). */
  async login(email: string, password: string): Promise<string | undefined> {
    const user = await this.repo.userByEmail(email);
    const valid = await verify(user?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!user || !valid || user.disabled) {
      return undefined;
    }
    const payload: TokenPayload = {
      sub: user.id,
      email: user.email,
      roles: user.roles,
      teams: user.teams,
      pwd: passwordFingerprint(user.passwordHash),
    };
    return this.jwt.signAsync(payload, {
      secret: await this.jwtSecret(),
      algorithm: JWT_ALGORITHM,
      expiresIn: this.config.tokenTtl as never,
    });
  }

  async verify(token: string): Promise<Principal | null> {
    if (token.startsWith(API_KEY_PREFIX)) {
      const key = await this.repo.apiKeyByHash(sha256(token));
      return key ? { kind: 'apiKey', keyId: key.id, site: key.site } : null;
    }
    if (token.startsWith(DISPLAY_TOKEN_PREFIX)) {
      const display = await this.repo.displayTokenByHash(sha256(token));
      return display ? { kind: 'display', displayId: display.id, site: display.site, boardId: display.boardId } : null;
    }
    try {
      const payload = await this.jwt.verifyAsync<TokenPayload>(token, {
        secret: await this.jwtSecret(),
        algorithms: [JWT_ALGORITHM],
      });
      const user = await this.repo.userById(payload.sub);
      if (!user || user.disabled || payload.pwd !== passwordFingerprint(user.passwordHash)) {
        return null;
      }
      return { kind: 'user', userId: user.id, email: user.email, roles: user.roles, teams: user.teams };
    } catch {
      return null;
    }
  }

  async createUser(
    actor: string,
    input: { email: string; password: string; displayName?: string; roles: Role[]; teams?: string[]; agent?: string },
  ): Promise<User> {
    const passwordHash = await hash(input.password);
    return this.db.transaction(async (tx) => {
      const created = await this.repo
        .insertUser(
          {
            email: input.email,
            displayName: input.displayName ?? null,
            passwordHash,
            roles: input.roles,
            teams: input.teams ?? [],
            agent: input.agent ?? null,
          },
          tx,
        )
        .catch((error: unknown) => agentTaken(error, input.agent));
      if (!created) {
        throw new ConflictException(`a user with e-mail "${input.email}" exists`);
      }
      const { passwordHash: _hash, ...user } = created;
      await this.audit.record({ actor, action: 'user.created', target: user.id, after: user }, tx);
      return user;
    });
  }

  async updateUser(
    actor: string,
    id: string,
    patch: {
      roles?: Role[];
      teams?: string[];
      disabled?: boolean;
      password?: string;
      displayName?: string;
      agent?: string | null;
    },
  ): Promise<User> {
    const before = await this.repo.userById(id);
    if (!before) {
      throw new NotFoundException(`no user "${id}"`);
    }
    const { password, ...rest } = patch;
    const passwordHash = password ? await hash(password) : undefined;
    const strip = ({ passwordHash: _hash, ...u }: typeof before) => u;
    return this.db.transaction(async (tx) => {
      const updated = await this.repo
        .updateUser(id, { ...rest, ...(passwordHash ? { passwordHash } : {}) }, tx)
        .catch((error: unknown) => agentTaken(error, rest.agent));
      const after = strip(updated ?? before);
      await this.audit.record(
        {
          actor,
          action: password ? 'user.updated+password' : 'user.updated',
          target: id,
          before: strip(before),
          after,
        },
        tx,
      );
      return after;
    });
  }

  async createApiKey(actor: string, site: string, name: string): Promise<{ id: string; key: string }> {
    const key = randomSecret(API_KEY_PREFIX);
    return this.db.transaction(async (tx) => {
      const row = await this.repo.insertApiKey({ site, name, keyHash: sha256(key), prefix: key.slice(0, 8) }, tx);
      await this.audit.record({ actor, action: 'api_key.created', target: row.id, site, after: { name } }, tx);
      return { id: row.id, key };
    });
  }

  async revokeApiKey(actor: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const revoked = await this.repo.revokeApiKey(id, tx);
      if (!revoked) {
        throw new NotFoundException(`no active API key "${id}"`);
      }
      await this.audit.record({ actor, action: 'api_key.revoked', target: id, site: revoked.site }, tx);
    });
  }

  async createDisplayToken(actor: string, site: string, name: string, boardId: string | null) {
    const token = randomSecret(DISPLAY_TOKEN_PREFIX);
    return this.db.transaction(async (tx) => {
      const row = await this.repo.insertDisplayToken({ site, boardId, name, tokenHash: sha256(token) }, tx);
      const after = { name, boardId };
      await this.audit.record({ actor, action: 'display_token.created', target: row.id, site, after }, tx);
      return { id: row.id, token };
    });
  }

  async revokeDisplayToken(actor: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const revoked = await this.repo.revokeDisplayToken(id, tx);
      if (!revoked) {
        throw new NotFoundException(`no active display token "${id}"`);
      }
      await this.audit.record({ actor, action: 'display_token.revoked', target: id, site: revoked.site }, tx);
    });
  }

  /** VIGIE_JWT_SECRET, or a random one generated once and kept in the database (tokens survive restarts). */
  private async jwtSecret(): Promise<string> {
    this.secret ??=
      this.config.jwtSecret ?? (await this.repo.settingOnce('jwt_secret', randomBytes(48).toString('base64url')));
    return this.secret;
  }

  private async bootstrapAdmin(): Promise<void> {
    const admin = this.config.admin;
    if (admin) {
      const existing = await this.repo.userByEmail(admin.email);
      if (existing) {
        const roles = existing.roles.includes('admin') ? existing.roles : [...existing.roles, 'admin' as const];
        await this.repo.updateUser(existing.id, { roles, disabled: false, passwordHash: await hash(admin.password) });
      } else {
        await this.repo.insertUser({
          email: admin.email,
          displayName: 'Admin',
          passwordHash: await hash(admin.password),
          roles: ['admin'],
          teams: [],
        });
      }
      await this.audit.record({ actor: 'system', action: 'admin.bootstrap', target: admin.email });
      return;
    }
    if ((await this.repo.countUsers()) > 0) {
      return;
    }
    const password = randomBytes(12).toString('base64url');
    const created = await this.repo.insertUser({
      email: FIRST_ADMIN_EMAIL,
      displayName: 'Admin',
      passwordHash: await hash(password),
      roles: ['admin'],
      teams: [],
    });
    if (created) {
      await this.audit.record({ actor: 'system', action: 'admin.first_start', target: FIRST_ADMIN_EMAIL });
      this.logger.warn(
        `First start: sign in as ${FIRST_ADMIN_EMAIL} with the one-time password ${password} — change it.`,
      );
    }
  }
}
