import { DateTimeScalar } from '@app/core/nest';
import { MEMBER_ROLES, type MemberRole } from '@app/core';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const MemberRoleEnum = Object.fromEntries(MEMBER_ROLES.map((r) => [r, r])) as Record<
  MemberRole,
  MemberRole
>;
registerEnumType(MemberRoleEnum, {
  name: 'MemberRole',
  description: 'Follows the kind of the member organisation',
});

@ObjectType('Member')
export class MemberType {
  @Field(() => ID) id!: string;
  @Field(() => ID) organisationId!: string;
  @Field() organisationName!: string;
  @Field(() => MemberRoleEnum) role!: MemberRole;
  @Field() name!: string;
  @Field() email!: string;
  @Field({ description: "Admins manage their organisation's members, tokens and contacts" }) admin!: boolean;
  @Field(() => DateTimeScalar) addedAt!: string;
}

@ObjectType('ApiToken', { description: 'An API token without its secret, which is shown only once' })
export class ApiTokenType {
  @Field(() => ID) id!: string;
  @Field(() => ID) memberId!: string;
  @Field({ description: 'The first characters of the token, to tell tokens apart' }) prefix!: string;
  @Field() label!: string;
  @Field(() => DateTimeScalar) issuedAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) expiresAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Recorded to the minute' }) lastUsedAt!:
    string | null;
  @Field({ description: 'Neither revoked nor expired' }) active!: boolean;
}

@ObjectType('Viewer', { description: 'The member behind the API token of this request' })
export class ViewerType {
  @Field(() => MemberType) member!: MemberType;
  @Field(() => ID) tokenId!: string;
}

@InputType('AddMemberInput')
export class AddMemberInput {
  @Field(() => ID) organisationId!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => Boolean, { nullable: true, description: 'False when left out' }) admin?: boolean | null;
}

@InputType('IssueApiTokenInput')
export class IssueApiTokenInput {
  @Field(() => ID) memberId!: string;
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => Int, { nullable: true, description: 'Days until it stops working; never when left out' })
  expiresInDays?: number | null;
}

@InputType('RevokeApiTokenInput')
export class RevokeApiTokenInput {
  @Field(() => ID) tokenId!: string;
}

@ObjectType('AddMemberPayload')
export class AddMemberPayload {
  @Field(() => MemberType) member!: MemberType;
}

@ObjectType('IssueApiTokenPayload')
export class IssueApiTokenPayload {
  @Field({ description: 'The secret bearer token. Shown only here: store it now' }) token!: string;
  @Field(() => ApiTokenType) apiToken!: ApiTokenType;
}

@ObjectType('RevokeApiTokenPayload')
export class RevokeApiTokenPayload {
  @Field(() => ApiTokenType) apiToken!: ApiTokenType;
}
