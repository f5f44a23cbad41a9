import { Module } from '@nestjs/common';
import { AddContactHandler } from './commands/add-contact/add-contact.handler';
import { ConfirmContactHandler } from './commands/confirm-contact/confirm-contact.handler';
import { RegisterOrganisationHandler } from './commands/register-organisation/register-organisation.handler';
import { RemoveContactHandler } from './commands/remove-contact/remove-contact.handler';
import { RevokeVerificationHandler } from './commands/revoke-verification/revoke-verification.handler';
import { UpdateContactHandler } from './commands/update-contact/update-contact.handler';
import { UpdateOrganisationHandler } from './commands/update-organisation/update-organisation.handler';
import { VerifyOrganisationHandler } from './commands/verify-organisation/verify-organisation.handler';
import { SetSlaTermsHandler } from './commands/set-sla-terms/set-sla-terms.handler';
import { OrganisationMutationsResolver } from './graphql/organisation-mutations.resolver';
import { OrganisationQueriesResolver } from './graphql/organisation-queries.resolver';
import { OrganisationStreamRepository } from './infrastructure/organisation-stream.repository';
import { GetOrganisationHandler } from './queries/get-organisation/get-organisation.handler';
import { ListOrganisationsHandler } from './queries/list-organisations/list-organisations.handler';
import { OrganisationHistoryHandler } from './queries/organisation-history/organisation-history.handler';
import { rdapPortProvider } from './routing/rdap-port.provider';
import { RDAP_PORT } from './rdap/rdap.port';
import { DomainRouter } from './routing/domain-router';
import { DirectoryImportService } from './import/directory-import.service';
import { RootZoneRepository } from './import/root-zone.repository';

/** The directory context: organisations, contacts, reference data and routing. Needs EVENT_STORE and READ_MODEL. */
@Module({
  providers: [
    OrganisationStreamRepository,
    RegisterOrganisationHandler,
    UpdateOrganisationHandler,
    AddContactHandler,
    UpdateContactHandler,
    RemoveContactHandler,
    ConfirmContactHandler,
    VerifyOrganisationHandler,
    RevokeVerificationHandler,
    SetSlaTermsHandler,
    GetOrganisationHandler,
    ListOrganisationsHandler,
    OrganisationHistoryHandler,
    OrganisationQueriesResolver,
    OrganisationMutationsResolver,
    rdapPortProvider,
    DomainRouter,
    RootZoneRepository,
    DirectoryImportService,
  ],
  exports: [OrganisationStreamRepository, DomainRouter, RDAP_PORT, DirectoryImportService],
})
export class DirectoryModule {}
