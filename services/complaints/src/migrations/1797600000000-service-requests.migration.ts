import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The after-sales service register (SRV-1..SRV-6). */
export class ServiceRequests1797600000000 implements MigrationInterface {
  name = 'ServiceRequests1797600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE service_requests (
        id                    uuid PRIMARY KEY,
        seq                   bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        number                varchar(20) NOT NULL CHECK (number ~ '^SR-[0-9]{6}-[0-9]{4}$'),
        kind                  varchar(20) NOT NULL CHECK (kind IN ('paid', 'contract', 'free', 'internal')),
        site                  varchar(20) NOT NULL CHECK (site IN ('local', 'off_site')),
        status                varchar(20) NOT NULL CHECK (status IN ('registered', 'dispatched', 'in_progress', 'worked', 'completed')),
        customer_id           uuid,
        contract_no           varchar(200),
        fee_fen               bigint CHECK (fee_fen >= 0),
        details               jsonb NOT NULL,
        queue_date            date NOT NULL,
        technician            varchar(200),
        promised_date         date,
        dispatch              jsonb,
        dispatched_at         timestamptz,
        off_site_application  jsonb,
        started_at            timestamptz,
        voucher               jsonb,
        voucher_number        varchar(20) CHECK (voucher_number ~ '^SV-[0-9]{6}-[0-9]{4}$'),
        voucher_at            timestamptz,
        work_started_at       timestamptz,
        countersigned_at      timestamptz,
        customer_signed_at    timestamptz,
        completed_at          timestamptz,
        service_cost_fen      bigint CHECK (service_cost_fen >= 0),
        opinion               jsonb,
        attitude_score        smallint CHECK (attitude_score BETWEEN 1 AND 4),
        skill_score           smallint CHECK (skill_score BETWEEN 1 AND 4),
        arrival_score         smallint CHECK (arrival_score BETWEEN 1 AND 4),
        promise_kept_score    smallint CHECK (promise_kept_score BETWEEN 1 AND 4),
        grievance_serious     boolean,
        created_by            jsonb NOT NULL,
        created_at            timestamptz NOT NULL,
        updated_at            timestamptz NOT NULL,
        version               integer NOT NULL CHECK (version >= 1),
        -- SRV-1/SRV-5: only a paid request carries a fee, and a paid one always does; a contract request names its contract.
        CONSTRAINT service_requests_fee CHECK ((kind = 'paid') = (fee_fen IS NOT NULL)),
        CONSTRAINT service_requests_contract CHECK (kind <> 'contract' OR contract_no IS NOT NULL),
        -- SRV-4: completed only with both signatures.
        CONSTRAINT service_requests_completed CHECK (
          (status = 'completed') = (completed_at IS NOT NULL)
          AND (completed_at IS NULL OR (countersigned_at IS NOT NULL AND customer_signed_at IS NOT NULL)))
      )`);
    await runner.query('CREATE UNIQUE INDEX service_requests_number_unique ON service_requests (number)');
    await runner.query('CREATE UNIQUE INDEX service_requests_voucher_number_unique ON service_requests (voucher_number)');
    await runner.query(`CREATE INDEX service_requests_queue ON service_requests (seq) WHERE status = 'registered'`);
    await runner.query('CREATE INDEX service_requests_completed_at ON service_requests (completed_at) WHERE completed_at IS NOT NULL');
    await runner.query('CREATE INDEX service_requests_started_open ON service_requests (started_at) WHERE started_at IS NOT NULL');
    await runner.query('CREATE INDEX service_requests_technician ON service_requests (technician, seq)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE service_requests');
  }
}
