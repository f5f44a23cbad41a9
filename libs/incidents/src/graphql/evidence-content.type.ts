import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('EvidenceContent', { description: 'The bytes of evidence the centre stores, base64-encoded' })
export class EvidenceContentType {
  @Field(() => ID) evidenceId!: string;
  @Field() mediaType!: string;
  @Field() sha256!: string;
  @Field(() => Int) size!: number;
  @Field() contentBase64!: string;
}
