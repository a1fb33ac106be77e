import { gradeInputErrors } from './grade-customer.handler';

/** CUS-5: a grading names what changes (grade, credit rating or both, A–D) and why. */
describe('gradeInputErrors', () => {
  it('needs at least one of grade and credit rating', () => {
    expect(gradeInputErrors({ reason: 'why' }).map((error) => error.field)).toEqual(['grade']);
  });

  it('accepts A–D only and requires a reason', () => {
    expect(gradeInputErrors({ grade: 'E' as never, creditRating: 'A', reason: ' ' }).map((error) => error.field)).toEqual([
      'grade',
      'reason',
    ]);
    expect(gradeInputErrors({ creditRating: 'D', reason: 'late payments' })).toEqual([]);
  });
});
