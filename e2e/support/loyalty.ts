import { randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import { Client } from 'pg';
import { MessageHeaders, ReturnEventType } from '@crm/contracts';
import { Topology } from '@crm/messaging';
import { databaseUrl } from '@crm/persistence';
import { testEnv } from '@crm/testing';

/** A SQL connection to the loyalty database a suite started for `purpose` (what the API cannot show or do, e.g. let a card expire). */
export async function loyaltySql(purpose: string): Promise<Client> {
  const admin = new Client({ connectionString: testEnv.databaseUrl });
  await admin.connect();
  let database: string;
  try {
    const rows = (await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`test_${purpose}_loyalty%`])).rows;
    if (rows.length !== 1) throw new Error(`expected one loyalty database for ${purpose}, found ${rows.length}`);
    database = rows[0].datname as string;
  } finally {
    await admin.end();
  }
  const sql = new Client({ connectionString: databaseUrl(testEnv.databaseUrl, database) });
  await sql.connect();
  return sql;
}

/** `returns.return.received` on `crm.events` as the returns service publishes it (RET-4 → LOY-6). */
export async function publishReturnReceived(
  vhostUrl: string,
  data: { returnId: string; storeId: string; transactionId: string; refunded: number },
): Promise<void> {
  const id = randomUUID();
  const envelope = {
    id,
    type: ReturnEventType.ReturnReceived,
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'returns',
    correlationId: randomUUID(),
    data: {
      returnId: data.returnId,
      number: 'RT-202612-0001',
      customerId: randomUUID(),
      complaintId: null,
      handling: 'return',
      purchaseRef: { storeId: data.storeId, transactionId: data.transactionId },
      lines: [
        {
          sku: 'TEA',
          approvedQuantity: 1,
          receivedQuantity: 1,
          unitPrice: { amount: data.refunded, currency: 'CNY' },
          refunded: { amount: data.refunded, currency: 'CNY' },
        },
      ],
      refunded: { amount: data.refunded, currency: 'CNY' },
      signedBy: 'Zhou Min',
      receivedAt: new Date().toISOString(),
    },
  };
  const connection = await connect(vhostUrl);
  try {
    const channel = await connection.createConfirmChannel();
    channel.publish(Topology.eventsExchange, envelope.type, Buffer.from(JSON.stringify(envelope)), {
      persistent: true,
      contentType: 'application/json',
      messageId: id,
      type: envelope.type,
      headers: { [MessageHeaders.correlationId]: envelope.correlationId },
    });
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
}
