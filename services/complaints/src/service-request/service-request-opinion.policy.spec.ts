import { testCaller } from '@crm/testing';
import { ServiceRequestException } from './service-request.exception';
import { assertMayAnswerGrievance, decimalRatio, formatScorecard, grievanceAnswerer, scoresOf } from './service-request-opinion.policy';

describe('SRV-6 grievance answers', () => {
  it('a serious grievance is answered by an executive, another by the service department', () => {
    expect(grievanceAnswerer(true)).toBe('executive');
    expect(grievanceAnswerer(false)).toBe('service');
  });

  it.each([
    [true, 'executive', true],
    [true, 'admin', true],
    [true, 'manager', false],
    [true, 'service', false],
    [false, 'service', true],
    [false, 'manager', true],
    [false, 'executive', false],
    [false, 'sales', false],
  ] as const)('serious %p answered by %s → allowed %p', (serious, role, allowed) => {
    const run = () => assertMayAnswerGrievance(testCaller([role]), serious);
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(ServiceRequestException);
  });
});

describe('SRV-6 scorecard figures', () => {
  it('scores the four CMP-12 levels 4..1', () => {
    expect(scoresOf({ attitude: 'very_satisfied', skill: 'satisfied', arrival: 'average', promiseKept: 'poor' })).toEqual({
      attitude: 4,
      skill: 3,
      arrival: 2,
      promiseKept: 1,
    });
  });

  it.each([
    [7, 2, 2, '3.50'],
    [10, 3, 2, '3.33'],
    [11, 3, 2, '3.67'],
    [1, 8, 2, '0.13'], // 0.125 half-up
    [4, 1, 2, '4.00'],
    [3, 4, 4, '0.7500'],
    [1, 3, 4, '0.3333'],
    [2, 3, 4, '0.6667'],
    [1, 0, 2, null],
  ])('%i / %i to %i places = %p (half-up, integer arithmetic)', (numerator, denominator, places, expected) => {
    expect(decimalRatio(numerator, denominator, places)).toBe(expected);
  });

  it('formats per technician: averages over rated requests, the on-time share over completed ones', () => {
    const card = formatScorecard('2026-11', [
      {
        technician: 'Zhou',
        completed: 1,
        rated: 0,
        attitudeSum: 0,
        skillSum: 0,
        arrivalSum: 0,
        promiseKeptSum: 0,
        arrivedOnTime: 0,
        grievances: 0,
        seriousGrievances: 0,
      },
      {
        technician: 'Li Qiang',
        completed: 4,
        rated: 3,
        attitudeSum: 10,
        skillSum: 12,
        arrivalSum: 7,
        promiseKeptSum: 9,
        arrivedOnTime: 3,
        grievances: 2,
        seriousGrievances: 1,
      },
    ]);
    expect(card).toEqual({
      month: '2026-11',
      technicians: [
        {
          technician: 'Li Qiang',
          completed: 4,
          ratings: { rated: 3, attitude: '3.33', skill: '4.00', arrival: '2.33', promiseKept: '3.00' },
          arrivedOnTime: 3,
          onTimeArrivalShare: '0.7500',
          grievances: 2,
          seriousGrievances: 1,
        },
        {
          technician: 'Zhou',
          completed: 1,
          ratings: { rated: 0, attitude: null, skill: null, arrival: null, promiseKept: null },
          arrivedOnTime: 0,
          onTimeArrivalShare: '0.0000',
          grievances: 0,
          seriousGrievances: 0,
        },
      ],
    });
  });
});
