import { SPEC_SLA, parseSlaOverrides, slaFor } from './complaint-sla-profile.policy';

/** CMP-9: deadlines configurable per kind, category and severity. */
describe('SLA overrides (CMP-9)', () => {
  it('keeps the SPEC defaults when nothing matches', () => {
    const overrides = parseSlaOverrides('[{"when":{"category":"quality"},"set":{"resolutionDays":5}}]');
    expect(slaFor({ kind: 'complaint', category: 'service', severity: null }, SPEC_SLA, overrides)).toEqual(SPEC_SLA);
  });

  it('lets the more specific override win whatever the configured order, and a later equal one win', () => {
    const overrides = parseSlaOverrides(
      JSON.stringify([
        { when: { category: 'quality', severity: 'major' }, set: { resolutionDays: 2 } },
        { when: { category: 'quality' }, set: { resolutionDays: 5, followUpDays: 2 } },
        { when: { severity: 'major' }, set: { resolutionDays: 4 } },
        { when: { severity: 'major' }, set: { acknowledgeMinutes: 15 } },
      ]),
    );
    const sla = slaFor({ kind: 'complaint', category: 'quality', severity: 'major' }, SPEC_SLA, overrides);
    expect(sla).toEqual({ ...SPEC_SLA, resolutionDays: 2, followUpDays: 2, acknowledgeMinutes: 15 });
    expect(slaFor({ kind: 'complaint', category: 'quality', severity: null }, SPEC_SLA, overrides).resolutionDays).toBe(5);
  });

  it.each([
    ['not JSON', '{', 'JSON array'],
    ['not an array', '{"when":{}}', 'JSON array'],
    ['an unknown when field', '[{"when":{"channel":"phone"},"set":{"resolutionDays":1}}]', 'not channel'],
    ['an unknown value', '[{"when":{"category":"food"},"set":{"resolutionDays":1}}]', 'when.category must be one of'],
    ['an empty when', '[{"when":{},"set":{"resolutionDays":1}}]', 'empty "when"'],
    ['an unknown setting', '[{"when":{"kind":"inquiry"},"set":{"answerDays":1}}]', 'unknown setting answerDays'],
    ['a setting out of range', '[{"when":{"kind":"inquiry"},"set":{"resolutionDays":0}}]', 'from 1 to 60'],
    ['a fractional setting', '[{"when":{"kind":"inquiry"},"set":{"resolutionDays":1.5}}]', 'integer'],
    ['an empty set', '[{"when":{"kind":"inquiry"},"set":{}}]', 'names no setting'],
    ['an extra field', '[{"when":{"kind":"inquiry"},"set":{"resolutionDays":1},"why":"x"}]', 'unknown field why'],
  ])('refuses %s, naming the problem', (_case, raw, message) => {
    expect(() => parseSlaOverrides(raw)).toThrow(message);
  });
});
