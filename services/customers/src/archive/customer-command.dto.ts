import { IsUUID } from 'class-validator';

/** Every command names the archive it acts on. */
export class CustomerIdDto {
  @IsUUID()
  id: string;
}
