import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import type { Caller, ConfidentialityLevel, Page, Role } from '@crm/contracts';
import { DEFAULT_PAGE_LIMIT } from '@crm/contracts';
import { CommonException } from '@crm/errors';
import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { GatewayErrorCode, GatewayException } from '../http/gateway.exception';
import { ApiKeyCache, type CachedKey } from './api-key-cache';
import { ApiKeyEntity } from './api-key.entity';
import type { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto';
import { bearerToken, generateSecret, hashSecret, sameHash } from './api-key.secret';

/** The bootstrap admin key (GATEWAY_ADMIN_KEY) has no row; it is known by this id. */
export const BOOTSTRAP_ADMIN_KEY_ID = '00000000-0000-4000-8000-000000000001';

export interface Principal {
  caller: Caller;
  rateLimitPerSecond: number;
}

/** GW-2: issuing, listing, revoking and checking API keys. */
@Injectable()
export class ApiKeysService implements OnModuleInit {
  private readonly keys: Repository<ApiKeyEntity>;
  private readonly adminHash: string;

  constructor(
    dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly cache: ApiKeyCache,
  ) {
    this.keys = dataSource.getRepository(ApiKeyEntity);
    this.adminHash = hashSecret(config.adminKey);
  }

  async onModuleInit(): Promise<void> {
    await this.cache.start();
  }

  /**
   * Resolves `Authorization: Bearer <key>` to a caller. Keys come from the database through
   * `ApiKeyCache` (issue 10), which every replica empties of a key the moment it is revoked
   * anywhere, so a revoked key stops working at once (GW-2).
   */
  async authenticate(authorization: string | string[] | undefined): Promise<Principal> {
    const secret = bearerToken(authorization);
    if (!secret) {
      throw GatewayException.unauthenticated(GatewayErrorCode.ApiKeyMissing, 'An API key is required: Authorization: Bearer <key>');
    }
    const hash = hashSecret(secret);
    if (sameHash(hash, this.adminHash)) {
      return {
        caller: {
          keyId: BOOTSTRAP_ADMIN_KEY_ID,
          name: 'bootstrap-admin',
          roles: ['admin'],
          clearance: 'top_secret',
          storeId: null,
          designatedCustomerIds: [],
        },
        rateLimitPerSecond: this.config.defaultRateLimit,
      };
    }
    const key = this.cache.get(hash) ?? (await this.lookup(hash));
    if (!key) {
      throw GatewayException.unauthenticated(GatewayErrorCode.ApiKeyInvalid, 'The API key is unknown or revoked');
    }
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
      throw GatewayException.unauthenticated(GatewayErrorCode.ApiKeyExpired, 'The API key has expired');
    }
    return {
      caller: {
        keyId: key.id,
        name: key.name,
        roles: key.roles,
        clearance: key.clearance,
        storeId: key.storeId,
        designatedCustomerIds: key.designatedCustomerIds,
      },
      rateLimitPerSecond: key.rateLimitPerSecond ?? this.config.defaultRateLimit,
    };
  }

  /** A live key from the database (cached), or undefined when unknown or revoked. */
  private async lookup(hash: string): Promise<CachedKey | undefined> {
    const generation = this.cache.currentGeneration;
    const [row] = (await this.keys.query(
      `SELECT id, name, roles, clearance, store_id, designated_customer_ids, rate_limit_per_second, expires_at, revoked_at
         FROM api_keys WHERE key_hash = $1`,
      [hash],
    )) as ApiKeyRow[];
    if (!row || row.revoked_at) return undefined;
    const key: CachedKey = {
      id: row.id,
      name: row.name,
      roles: row.roles,
      clearance: row.clearance,
      storeId: row.store_id,
      designatedCustomerIds: row.designated_customer_ids,
      rateLimitPerSecond: row.rate_limit_per_second,
      expiresAt: row.expires_at,
    };
    this.cache.remember(hash, key, generation);
    return key;
  }

  async create(input: CreateApiKeyDto, creator: Caller): Promise<CreatedApiKeyDto> {
    if (input.roles.includes('pos') && !input.storeId) {
      // GW-2: a POS key acts only for its own store, so it must have one.
      throw CommonException.validation([{ field: 'storeId', message: 'storeId is required for a key with the pos role' }]);
    }
    const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
    if (expiresAt && Number.isNaN(expiresAt.getTime())) {
      throw CommonException.validation([
        { field: 'expiresAt', message: 'expiresAt must be an ISO-8601 instant, e.g. 2027-01-01T00:00:00Z' },
      ]);
    }
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw CommonException.validation([{ field: 'expiresAt', message: 'expiresAt must be in the future' }]);
    }
    const secret = generateSecret();
    const now = new Date();
    const entity = this.keys.create({
      id: randomUUID(),
      name: input.name,
      keyHash: hashSecret(secret),
      keyPrefix: secret.slice(0, 8),
      roles: input.roles,
      clearance: input.clearance,
      storeId: input.storeId ?? null,
      rateLimitPerSecond: input.rateLimitPerSecond ?? null,
      designatedCustomerIds: [...new Set(input.designatedCustomerIds ?? [])],
      expiresAt,
      revokedAt: null,
      createdBy: creator.keyId,
      createdAt: now,
      updatedAt: now,
    });
    const saved = await this.keys.save(entity);
    return { ...this.view(saved), key: secret };
  }

  async list(limit = DEFAULT_PAGE_LIMIT, cursor?: string): Promise<Page<ApiKeyDto>> {
    const query = this.keys
      .createQueryBuilder('k')
      .orderBy('k.created_at', 'DESC')
      .addOrderBy('k.id', 'DESC')
      .limit(limit + 1);
    if (cursor) {
      const { at, id } = decodeCursor(cursor);
      query.where('(k.created_at < :at OR (k.created_at = :at AND k.id < :id))', { at, id });
    }
    const rows = await query.getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => this.view(row)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }

  /**
   * GW-2: revoking is immediate on every replica — committed, then broadcast (`ApiKeyCache`),
   * answered once the broker has routed the broadcast. Revoking twice is harmless and broadcasts
   * again, so a retry after a 503 (broker unreachable) completes what the first call began.
   */
  async revoke(id: string): Promise<void> {
    const key = await this.keys.findOneBy({ id });
    if (!key) throw new GatewayException(GatewayErrorCode.ApiKeyNotFound, `No API key ${id}`);
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      key.updatedAt = key.revokedAt;
      await this.keys.save(key);
    }
    await this.cache.revoked(id).catch((error: Error) => {
      throw new GatewayException(
        GatewayErrorCode.NotReady,
        `The key is revoked, but other gateway replicas could not be told (${error.message}); retry the revocation`,
      );
    });
  }

  private view(key: ApiKeyEntity): ApiKeyDto {
    return {
      id: key.id,
      name: key.name,
      roles: key.roles,
      clearance: key.clearance,
      storeId: key.storeId,
      rateLimitPerSecond: key.rateLimitPerSecond ?? this.config.defaultRateLimit,
      designatedCustomerIds: key.designatedCustomerIds,
      keyPrefix: key.keyPrefix,
      expiresAt: key.expiresAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
      createdAt: key.createdAt.toISOString(),
      updatedAt: key.updatedAt.toISOString(),
      version: key.version,
    };
  }
}

interface ApiKeyRow {
  id: string;
  name: string;
  roles: Role[];
  clearance: ConfidentialityLevel;
  store_id: string | null;
  designated_customer_ids: string[];
  rate_limit_per_second: number | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What `encodeCursor` writes: `toISOString()` of a four-digit year, which PostgreSQL can hold. */
const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The inverse of `encodeCursor`; anything it could not have written is a 400 naming `cursor`. */
export function decodeCursor(cursor: string): { at: Date; id: string } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (Array.isArray(decoded) && decoded.length === 2) {
    const [at, id] = decoded as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && CURSOR_INSTANT.test(at) && UUID.test(id)) {
      const date = new Date(at);
      if (!Number.isNaN(date.getTime()) && date.toISOString() === at) return { at: date, id };
    }
  }
  throw CommonException.validation([{ field: 'cursor', message: 'cursor is not a cursor this list returned' }]);
}
