import type { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, testEnv, type TestDatabase } from '@crm/testing';
import {
  DocumentNumberAllocator,
  DocumentNumberCounters1763950000000,
  DocumentNumberExhaustedError,
  DocumentPattern,
  DocumentSeries,
  createDataSource,
  runMigrations,
  withTransaction,
} from '@crm/persistence';

/**
 * CUS-4 (and the CP-/RT-/CN-/PZ- numbers to come): gap-free per series and business period, never
 * handed out twice, safe under concurrency — on real PostgreSQL, READ COMMITTED as in production.
 */
describe('DocumentNumberAllocator', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let seriesCount = 0;

  /** A series of its own per test, so tests do not share counters. */
  const monthly = (prefix = 'CP', digits = 4) => {
    seriesCount += 1;
    return new DocumentNumberAllocator(
      new DocumentSeries({ series: `test-${seriesCount}`, prefix, period: 'month', pattern: `{prefix}-{YYYYMM}-{seq:${digits}}` }),
    );
  };
  const tx = <T>(work: (manager: EntityManager) => Promise<T>) => withTransaction(dataSource, work);
  const deferred = () => {
    let resolve!: () => void;
    const promise = new Promise<void>((done) => (resolve = done));
    return { promise, resolve };
  };
  const at = new Date('2026-11-15T04:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase('persistence_docnum');
    dataSource = createDataSource({
      serverUrl: testEnv.databaseUrl,
      database: db.name,
      entities: [],
      migrations: [DocumentNumberCounters1763950000000],
      applicationName: 'docnum-test',
      poolSize: 25,
    });
    await dataSource.initialize();
    await runMigrations(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('numbers from 1 and counts up', async () => {
    const allocator = monthly();
    expect((await tx((m) => allocator.next(m, at))).number).toBe('CP-202611-0001');
    expect(await tx((m) => allocator.next(m, at))).toEqual({
      number: 'CP-202611-0002',
      series: allocator.series.name,
      period: '2026-11',
      sequence: 2,
    });
  });

  it('gives 20 parallel transactions 20 distinct consecutive numbers, also when the period starts', async () => {
    const allocator = monthly();
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () =>
        tx(async (m) => {
          const allocated = await allocator.next(m, at);
          await new Promise((resolve) => setTimeout(resolve, 5)); // hold the row lock a little
          return allocated.sequence;
        }),
      ),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('leaves no gap when a transaction rolls back', async () => {
    const allocator = monthly();
    await tx((m) => allocator.next(m, at));
    await expect(
      tx(async (m) => {
        expect((await allocator.next(m, at)).sequence).toBe(2);
        throw new Error('refused after allocating');
      }),
    ).rejects.toThrow('refused after allocating');
    expect((await tx((m) => allocator.next(m, at))).number).toBe('CP-202611-0002');
  });

  it('hands a waiting transaction the number of one that rolled back while it waited', async () => {
    const allocator = monthly();
    const allocated = deferred();
    const release = deferred();
    const first = tx(async (m) => {
      await allocator.next(m, at);
      allocated.resolve();
      await release.promise;
      throw new Error('rolled back');
    }).catch((error: Error) => error.message);
    await allocated.promise;
    const second = tx((m) => allocator.next(m, at)); // blocks on the counter row
    await new Promise((resolve) => setTimeout(resolve, 100));
    release.resolve();
    expect(await first).toBe('rolled back');
    expect((await second).number).toBe('CP-202611-0001');
  });

  it('keeps series and periods apart', async () => {
    const complaints = monthly('CP');
    const returns = monthly('RT');
    const december = new Date('2026-12-02T04:00:00Z');
    expect((await tx((m) => complaints.next(m, at))).number).toBe('CP-202611-0001');
    expect((await tx((m) => returns.next(m, at))).number).toBe('RT-202611-0001');
    expect((await tx((m) => complaints.next(m, december))).number).toBe('CP-202612-0001');
    expect((await tx((m) => complaints.next(m, at))).number).toBe('CP-202611-0002');
    expect((await tx((m) => returns.next(m, december))).number).toBe('RT-202612-0001');
  });

  it('rolls the period over at midnight Asia/Shanghai, month and year', async () => {
    const complaints = monthly('CP');
    const codes = new DocumentNumberAllocator(
      new DocumentSeries({ series: `test-year-${seriesCount}`, prefix: 'C', period: 'year', pattern: DocumentPattern.Yearly6 }),
    );
    const number = async (allocator: DocumentNumberAllocator, iso: string) => (await tx((m) => allocator.next(m, new Date(iso)))).number;
    expect(await number(complaints, '2026-11-30T15:59:59.999Z')).toBe('CP-202611-0001');
    expect(await number(complaints, '2026-11-30T16:30:00Z')).toBe('CP-202612-0001'); // Dec 1st 00:30 in Shanghai
    expect(await number(complaints, '2026-12-31T15:59:59.999Z')).toBe('CP-202612-0002');
    expect(await number(complaints, '2026-12-31T16:00:00Z')).toBe('CP-202701-0001');
    expect(await number(codes, '2026-12-31T15:59:59.999Z')).toBe('C2026000001');
    expect(await number(codes, '2026-12-31T16:00:00Z')).toBe('C2027000001');
  });

  it('refuses the number after the last without consuming anything', async () => {
    const tiny = monthly('PZ', 1);
    for (let i = 1; i <= 9; i++) await tx((m) => tiny.next(m, at));
    const swallowed = await tx(async (m) => tiny.next(m, at).catch((error: unknown) => error));
    expect(swallowed).toBeInstanceOf(DocumentNumberExhaustedError);
    const [row] = await dataSource.query('SELECT last_value FROM document_number_counters WHERE series = $1', [tiny.series.name]);
    expect(Number(row.last_value)).toBe(9);
  });
});
