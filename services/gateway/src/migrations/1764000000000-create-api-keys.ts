import type { MigrationInterface, QueryRunner } from 'typeorm';

/** GW-2: API keys; the secret itself is never stored, only its SHA-256 hash. */
export class CreateApiKeys1764000000000 implements MigrationInterface {
  name = 'CreateApiKeys1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        name varchar(200) NOT NULL,
        key_hash char(64) NOT NULL,
        key_prefix varchar(16) NOT NULL,
        roles text[] NOT NULL,
        clearance varchar(20) NOT NULL,
        store_id varchar(200),
        rate_limit_per_second integer CHECK (rate_limit_per_second > 0),
        designated_customer_ids uuid[] NOT NULL DEFAULT '{}',
        expires_at timestamptz,
        revoked_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    await runner.query('CREATE UNIQUE INDEX api_keys_key_hash ON api_keys (key_hash)');
    await runner.query('CREATE INDEX api_keys_newest_first ON api_keys (created_at DESC, id DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE api_keys');
  }
}
