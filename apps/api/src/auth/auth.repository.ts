import { Inject, Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../db/database.js';
import type { Role } from './roles.js';

export interface User {
  id: string;
  email: string;
  displayName: string | null;
  roles: Role[];
  teams: string[];
  disabled: boolean;
  agent: string | null;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

interface UserRow {
  id: string;
  email: string;
  display_name: string | null;
  password_hash: string;
  roles: Role[];
  teams: string[];
  disabled: boolean;
  agent: string | null;
}

const toUser = (r: UserRow): UserWithHash => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  roles: r.roles,
  teams: r.teams,
  disabled: r.disabled,
  agent: r.agent,
  passwordHash: r.password_hash,
});

const USER_COLUMNS = 'id, email, display_name, password_hash, roles, teams, disabled, agent';

/** Users, API keys, display tokens, settings and the audit log: the SQL of the auth module. */
@Injectable()
export class AuthRepository {
  constructor(@Inject(Database) readonly db: Database) {}

  async userByEmail(email: string): Promise<UserWithHash | undefined> {
    const { rows } = await this.db.query<UserRow>(`select ${USER_COLUMNS} from users where email = $1`, [
      email.toLowerCase(),
    ]);
    return rows[0] && toUser(rows[0]);
  }

  async userById(id: string): Promise<UserWithHash | undefined> {
    const { rows } = await this.db.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
    return rows[0] && toUser(rows[0]);
  }

  async listUsers(): Promise<User[]> {
    const { rows } = await this.db.query<UserRow>(`select ${USER_COLUMNS} from users order by email`);
    return rows.map((r) => {
      const { passwordHash: _hash, ...user } = toUser(r);
      return user;
    });
  }

  async countUsers(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(`select count(*)::int as n from users`);
    return rows[0]?.n ?? 0;
  }

  /** Inserts a user; undefined when the e-mail is taken. */
  async insertUser(
    u: {
      email: string;
      displayName: string | null;
      passwordHash: string;
      roles: Role[];
      teams: string[];
      agent?: string | null;
    },
    q: Queryable = this.db,
  ): Promise<UserWithHash | undefined> {
    const { rows } = await q.query<UserRow>(
      `insert into users (email, display_name, password_hash, roles, teams, agent) values ($1, $2, $3, $4, $5, $6)
       on conflict (email) do nothing returning ${USER_COLUMNS}`,
      [u.email.toLowerCase(), u.displayName, u.passwordHash, u.roles, u.teams, u.agent ?? null],
    );
    return rows[0] && toUser(rows[0]);
  }

  async updateUser(
    id: string,
    patch: {
      roles?: Role[];
      teams?: string[];
      disabled?: boolean;
      passwordHash?: string;
      displayName?: string | null;
      agent?: string | null;
    },
    q: Queryable = this.db,
  ): Promise<UserWithHash | undefined> {
    const { rows } = await q.query<UserRow>(
      `update users set
         roles = coalesce($2, roles), teams = coalesce($3, teams), disabled = coalesce($4, disabled),
         password_hash = coalesce($5, password_hash), display_name = coalesce($6, display_name),
         agent = case when $7 then $8 else agent end, updated_at = now()
       where id = $1 returning ${USER_COLUMNS}`,
      [
        id,
        patch.roles ?? null,
        patch.teams ?? null,
        patch.disabled ?? null,
        patch.passwordHash ?? null,
        patch.displayName ?? null,
        patch.agent !== undefined,
        patch.agent ?? null,
      ],
    );
    return rows[0] && toUser(rows[0]);
  }

  async insertApiKey(k: { site: string; name: string; keyHash: string; prefix: string }, q: Queryable = this.db) {
    const { rows } = await q.query<{ id: string; created_at: Date }>(
      `insert into api_keys (site, name, key_hash, prefix) values ($1, $2, $3, $4) returning id, created_at`,
      [k.site, k.name, k.keyHash, k.prefix],
    );
    return rows[0]!;
  }

  async apiKeyByHash(keyHash: string): Promise<{ id: string; site: string } | undefined> {
    const { rows } = await this.db.query<{ id: string; site: string }>(
      `select id, site from api_keys where key_hash = $1 and revoked_at is null`,
      [keyHash],
    );
    return rows[0];
  }

  async listApiKeys(site: string) {
    const { rows } = await this.db.query<{
      id: string;
      name: string;
      prefix: string;
      created_at: Date;
      revoked_at: Date | null;
    }>(`select id, name, prefix, created_at, revoked_at from api_keys where site = $1 order by created_at`, [site]);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
    }));
  }

  async revokeApiKey(id: string, q: Queryable = this.db): Promise<{ site: string } | undefined> {
    const { rows } = await q.query<{ site: string }>(
      `update api_keys set revoked_at = now() where id = $1 and revoked_at is null returning site`,
      [id],
    );
    return rows[0];
  }

  async insertDisplayToken(
    t: { site: string; boardId: string | null; name: string; tokenHash: string },
    q: Queryable = this.db,
  ) {
    const { rows } = await q.query<{ id: string }>(
      `insert into display_tokens (site, board_id, name, token_hash) values ($1, $2, $3, $4) returning id`,
      [t.site, t.boardId, t.name, t.tokenHash],
    );
    return rows[0]!;
  }

  async displayTokenByHash(tokenHash: string) {
    const { rows } = await this.db.query<{ id: string; site: string; board_id: string | null }>(
      `select id, site, board_id from display_tokens where token_hash = $1 and revoked_at is null`,
      [tokenHash],
    );
    return rows[0] && { id: rows[0].id, site: rows[0].site, boardId: rows[0].board_id };
  }

  async listDisplayTokens(site: string) {
    const { rows } = await this.db.query<{
      id: string;
      name: string;
      board_id: string | null;
      created_at: Date;
      revoked_at: Date | null;
    }>(`select id, name, board_id, created_at, revoked_at from display_tokens where site = $1 order by created_at`, [
      site,
    ]);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      boardId: r.board_id,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
    }));
  }

  async revokeDisplayToken(id: string, q: Queryable = this.db): Promise<{ site: string } | undefined> {
    const { rows } = await q.query<{ site: string }>(
      `update display_tokens set revoked_at = now() where id = $1 and revoked_at is null returning site`,
      [id],
    );
    return rows[0];
  }

  async setting<T>(key: string): Promise<T | undefined> {
    const { rows } = await this.db.query<{ value: T }>(`select value from settings where key = $1`, [key]);
    return rows[0]?.value;
  }

  /** Stores the value unless the key exists; returns the stored one (first writer wins). */
  async settingOnce<T>(key: string, value: T): Promise<T> {
    await this.db.query(`insert into settings (key, value) values ($1, $2) on conflict (key) do nothing`, [
      key,
      JSON.stringify(value),
    ]);
    return (await this.setting<T>(key)) as T;
  }
}
