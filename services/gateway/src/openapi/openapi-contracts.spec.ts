import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  AcceptComplaintBody,
  CARD_NUMBER_PATTERN,
  MONTH_PATTERN,
  CreateCreditNoteBody,
  CreateReturnBody,
  FranchiseTermsBody,
  ReceiveReturnBody,
  ResolveDiscrepancyBody,
  SignCreditNoteBody,
  AssignComplaintBody,
  type Class,
  ComplaintFindingsBody,
  ComplaintFollowUpBody,
  ComplaintProposalBody,
  CreditInvestigationBody,
  CreateRewardBody,
  CustomerArchiveInput,
  CustomerChanges,
  DesignateVisitorBody,
  DevelopmentApplicationBody,
  SalesFiguresBody,
  VisitReportBody,
  GradeCustomerBody,
  ExtendComplaintBody,
  IssueCardBody,
  PosPurchaseMessage,
  QuoteBody,
  RedeemBody,
  ReasonBody,
  RegisterComplaintBody,
  RejectComplaintBody,
  ResolveComplaintBody,
  ReviewCustomerBody,
  SubmitCustomerBody,
  CustomerSignatureBody,
  DispatchServiceRequestBody,
  GrievanceAnswerBody,
  OffSiteApplicationBody,
  RegisterServiceRequestBody,
  ServiceOpinionBody,
  ServiceVoucherBody,
} from '@crm/contracts';
import { contractErrors } from '@crm/testing';
import { ComplaintsController } from '../complaints/complaints.controller';
import { ReturnsController } from '../returns/returns.controller';
import { CustomersController } from '../customers/customers.controller';
import { ServiceRequestsController } from '../service-requests/service-requests.controller';
import { DevelopmentController } from '../development/development.controller';
import { LoyaltyController } from '../loyalty/loyalty.controller';
import { DomainClient } from '../rpc/domain.client';
import { buildOpenApiDocument } from './openapi';

type Schema = Record<string, unknown>;

/**
 * Issue 6: the OpenAPI document integrators validate against and the rules the gateway and the
 * services enforce come from the same contract classes — so they must give the same verdict on
 * any body. The document's own examples and a table of edge values go through both: JSON Schema
 * (Ajv, draft 2020-12 as OpenAPI 3.1 uses it, with formats) and class-validator.
 *
 * Not in the table: NUL characters and lone surrogates. JSON Schema cannot say "well-formed
 * UTF-16"; the gateway's JSON parser refuses both before validation (json-body.ts), and the
 * contracts refuse them on RabbitMQ payloads.
 */
describe('OpenAPI document versus enforced validation', () => {
  let components: Schema;
  let paths: Record<string, Record<string, Schema>>;
  let ajv: Ajv2020;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [
        CustomersController,
        ComplaintsController,
        ReturnsController,
        ServiceRequestsController,
        DevelopmentController,
        LoyaltyController,
      ],
      providers: [{ provide: DomainClient, useValue: {} }],
    }).compile();
    const app = module.createNestApplication(new FastifyAdapter(), { logger: false });
    await app.init();
    const document = buildOpenApiDocument(app);
    components = document.components as Schema;
    paths = document.paths as unknown as Record<string, Record<string, Schema>>;
    await app.close();
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'doc', components });
  });

  const schemaOf = (name: string) => (components.schemas as Record<string, Schema>)[name];
  const documentSays = (contract: Class<object>, value: unknown) =>
    ajv.validate({ $ref: `doc#/components/schemas/${contract.name}` }, value);
  const contractSays = (contract: Class<object>, value: unknown) => contractErrors(contract, value).length === 0;

  /** A body built from the document alone: every property's example (or first enum value), lists of one. */
  function exampleOf(schema: Schema): unknown {
    if (schema.$ref) return exampleOf(schemaOf(String(schema.$ref).split('/').pop()!));
    if (schema.example !== undefined) return schema.example;
    if (Array.isArray(schema.enum)) return schema.enum[0];
    if (Array.isArray(schema.anyOf)) return exampleOf(schema.anyOf[0] as Schema);
    if (Array.isArray(schema.allOf)) return exampleOf(schema.allOf[0] as Schema);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (type === 'array') return [exampleOf(schema.items as Schema)];
    if (type === 'object' || schema.properties) {
      const properties = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
      return Object.fromEntries(properties.map(([name, property]) => [name, exampleOf(property)]));
    }
    if (type === 'integer' || type === 'number') return schema.minimum ?? 0;
    if (type === 'boolean') return true;
    return 'x'.repeat(Math.max(1, Number(schema.minLength ?? 1)));
  }

  it('says what every path parameter must be, as its pipe or contract refuses it (GW-1, issue 11)', () => {
    const parameters = Object.entries(paths).flatMap(([path, item]) =>
      Object.values(item).flatMap((operation) =>
        ((operation.parameters ?? []) as Schema[]).filter((parameter) => parameter.in === 'path').map((parameter) => ({ path, parameter })),
      ),
    );
    expect(parameters.length).toBeGreaterThan(0);
    const loose = parameters.filter(({ parameter }) => {
      const schema = parameter.schema as Schema;
      return schema.format !== 'uuid' && typeof schema.pattern !== 'string';
    });
    expect(loose.map(({ path, parameter }) => `${path} {${String(parameter.name)}}`)).toEqual([]);
    const schemaOfParameter = (name: string) => parameters.find(({ parameter }) => parameter.name === name)?.parameter.schema as Schema;
    expect(schemaOfParameter('cardNumber').pattern).toBe(CARD_NUMBER_PATTERN.source);
    expect(schemaOfParameter('period').pattern).toBe(MONTH_PATTERN.source);
    expect(schemaOfParameter('customerId').format).toBe('uuid');
  });

  const BODIES = [
    CustomerArchiveInput,
    CustomerChanges,
    SubmitCustomerBody,
    ReasonBody,
    GradeCustomerBody,
    ReviewCustomerBody,
    RegisterComplaintBody,
    AcceptComplaintBody,
    RejectComplaintBody,
    AssignComplaintBody,
    ComplaintFindingsBody,
    ComplaintProposalBody,
    ResolveComplaintBody,
    ComplaintFollowUpBody,
    ExtendComplaintBody,
    CreateReturnBody,
    ReceiveReturnBody,
    ResolveDiscrepancyBody,
    FranchiseTermsBody,
    CreateCreditNoteBody,
    SignCreditNoteBody,
    RegisterServiceRequestBody,
    DispatchServiceRequestBody,
    OffSiteApplicationBody,
    ServiceVoucherBody,
    CustomerSignatureBody,
    ServiceOpinionBody,
    GrievanceAnswerBody,
    DevelopmentApplicationBody,
    CreditInvestigationBody,
    DesignateVisitorBody,
    VisitReportBody,
    SalesFiguresBody,
    PosPurchaseMessage,
    IssueCardBody,
    QuoteBody,
    CreateRewardBody,
    RedeemBody,
  ];

  it.each(BODIES.map((contract) => [contract.name, contract] as const))(
    'accepts the document’s own example of %s on both sides',
    (_name, contract) => {
      const example = exampleOf(schemaOf(contract.name));
      expect({ document: documentSays(contract, example), contract: contractSays(contract, example) }).toEqual({
        document: true,
        contract: true,
      });
    },
  );

  const x = '\u{1D4B3}'; // 𝒳, one character of two UTF-16 units
  const EDGES: [string, unknown][] = [
    ['contacts.0.phone', '(0571) 8888-6666'],
    ['contacts.0.phone', '+86 21 5555 0100'],
    ['contacts.0.phone', '12345'],
    ['contacts.0.phone', '+++++'],
    ['contacts.0.phone', '123+45678'],
    ['contacts.0.phone', '1'.repeat(21)],
    ['contacts.0.phone', 13800138000],
    ['contacts.0.email', 'li.wei@example.cn'],
    ['contacts.0.email', '张伟@例子.中国'],
    ['contacts.0.email', 'no-at-sign'],
    ['contacts.0.birthday', '1980-02-29'],
    ['contacts.0.birthday', '1981-02-29'],
    ['contacts.0.birthday', '1980-13-01'],
    ['contacts.0.birthday', '80-01-01'],
    ['name', 'x'.repeat(200)],
    ['name', 'x'.repeat(201)],
    ['name', x.repeat(200)],
    ['name', x.repeat(201)],
    ['name', `${'a'.repeat(199)}\u{FE0F}`],
    ['name', `${'a'.repeat(199)}\u{FE0F}\u{FE0F}`],
    ['name', ''],
    ['name', 42],
    ['name', null],
    ['notes', 'n'.repeat(10_000)],
    ['notes', 'n'.repeat(10_001)],
    ['notes', null],
    ['annualRevenue.amount', 1_000_000_000_000],
    ['annualRevenue.amount', 1_000_000_000_001],
    ['annualRevenue.amount', 0],
    ['annualRevenue.amount', -1],
    ['annualRevenue.amount', 1.5],
    ['annualRevenue.amount', '100'],
    ['annualRevenue.amount', 2 ** 53 + 2],
    ['annualRevenue.currency', 'cny'],
    ['annualRevenue.currency', 'CNYY'],
    ['annualRevenue', null],
    ['firstContactAt', '2026-11-03T08:15:00Z'],
    ['firstContactAt', '2026-11-03T08:15:00.123+08:00'],
    ['firstContactAt', '2026-11-03T08:15Z'],
    ['firstContactAt', '2026-11-03 08:15:00Z'],
    ['firstContactAt', '2026-11-03t08:15:00z'],
    ['firstContactAt', '2026-02-30T10:00:00Z'],
    ['firstContactAt', '2026-11-03'],
    ['employees', 10_000_000],
    ['employees', 10_000_001],
    ['employees', -1],
    ['employees', 2.5],
    ['confidentiality', 'top_secret'],
    ['confidentiality', 'public'],
    ['confidentiality', null],
    ['type', 'partner'],
    ['addresses', Array.from({ length: 100 }, () => ({ line: 'a' }))],
    ['addresses', Array.from({ length: 101 }, () => ({ line: 'a' }))],
    ['address', { line: 'a', floor: 3 }],
    ['address', 'Main Street 1'],
    ['contacts', {}],
    ['status', 'active'],
  ];

  it.each(
    EDGES.flatMap(([path, value]) => [CustomerArchiveInput, CustomerChanges].map((contract) => [contract.name, path, value] as const)),
  )('%s with %s = %p: the document and the contract agree', (name, path, value) => {
    const contract = name === CustomerArchiveInput.name ? CustomerArchiveInput : CustomerChanges;
    const body = withValue(exampleOf(schemaOf(contract.name)) as Schema, path, value);
    expect({ document: documentSays(contract, body) }).toEqual({ document: contractSays(contract, body) });
  });

  it.each([
    [GradeCustomerBody, { grade: 'E', reason: 'x' }],
    [GradeCustomerBody, { reason: 'r'.repeat(10_001) }],
    [ReviewCustomerBody, { outcome: 'verified', notes: '' }],
    [ReviewCustomerBody, { outcome: 'fine' }],
    [ReasonBody, { reason: '' }],
    [ReasonBody, {}],
    [SubmitCustomerBody, { generalSurvey: 'g', fieldSurvey: 'f', extra: 1 }],
    [DispatchServiceRequestBody, { technician: 't'.repeat(200), promisedDate: '2026-11-05' }],
    [DispatchServiceRequestBody, { technician: 't'.repeat(201), promisedDate: '2026-11-05' }],
    [DispatchServiceRequestBody, { technician: 'Li', promisedDate: '2026-02-30' }],
    [OffSiteApplicationBody, { technician: 'Li', destination: 'Ningbo', days: 0, estimatedCost: { amount: 1, currency: 'CNY' } }],
    [OffSiteApplicationBody, { technician: 'Li', destination: 'Ningbo', days: 2, estimatedCost: { amount: 1.5, currency: 'CNY' } }],
    [ServiceVoucherBody, { startedAt: '2026-11-05T08:00:00Z', endedAt: '2026-11-05T09:00:00Z', work: 'w', payment: 'cheque' }],
    [
      ServiceVoucherBody,
      { startedAt: '2026-11-05T08:00:00Z', endedAt: '2026-11-05T09:00:00Z', work: 'w', parts: [{ sku: 'P', quantity: 0 }] },
    ],
    [ServiceOpinionBody, { ratings: { attitude: 'poor', skill: 'poor', arrival: 'poor', promiseKept: 'great' } }],
    [
      ServiceOpinionBody,
      { ratings: { attitude: 'poor', skill: 'poor', arrival: 'poor', promiseKept: 'poor' }, grievance: { text: 'late' } },
    ],
    [QuoteBody, { cardNumber: '6200000000000003', storeId: 'S1', lines: [] }],
    [
      QuoteBody,
      { cardNumber: '620000000000003', storeId: 'S1', lines: [{ sku: 'a', quantity: 1, unitPrice: { amount: 1, currency: 'CNY' } }] },
    ],
    [RedeemBody, { storeId: 'S1', cardNumber: '6200000000000003', rewardId: 'x', quantity: 1 }],
    [RedeemBody, { storeId: 'S1', cardNumber: '6200000000000003', rewardId: '1d7c1f6e-2a3b-4c5d-8e9f-0a1b2c3d4e5f', quantity: 0 }],
    [IssueCardBody, { phone: '13800138000', name: 'Li', birthday: '1990-02-30', storeId: 'S1' }],
    [CreateRewardBody, { name: 'cup', pointsCost: 0, stock: 1 }],
  ] as const)('%p %p: the document and the contract agree', (contract, body) => {
    expect({ document: documentSays(contract, body) }).toEqual({ document: contractSays(contract, body) });
  });
});

/** A deep copy of `body` with `value` at the dotted `path` (`contacts.0.phone`). */
function withValue(body: Schema, path: string, value: unknown): Schema {
  const copy = JSON.parse(JSON.stringify(body)) as Schema;
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
  return copy;
}
