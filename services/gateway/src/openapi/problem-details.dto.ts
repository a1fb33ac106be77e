import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'contacts.0.email' })
  field: string;

  @ApiProperty({ example: 'email must be an email' })
  message: string;
}

/** RFC 9457 problem details, the body of every error (GW-5). */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'https://crm.example.com/problems/invalid' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'The request is invalid' })
  detail: string;

  @ApiPropertyOptional({ example: '/api/v1/customers', description: 'The request path' })
  instance?: string;

  @ApiPropertyOptional({ example: 'VALIDATION_FAILED', description: 'Machine-readable code of the refusal' })
  code?: string;

  @ApiPropertyOptional({ example: 'CUS-2', description: 'The SPEC rule that refused the request (422)' })
  rule?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Field-level validation errors (400)' })
  errors?: FieldErrorDto[];

  @ApiProperty({ example: '1f0c2b1e-6a43-4b8e-9c1d-2f3a4b5c6d7e', description: 'The X-Request-Id of the request' })
  requestId: string;
}
