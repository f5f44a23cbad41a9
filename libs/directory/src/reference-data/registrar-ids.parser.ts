import { accept, checkRegistrarId, checkWebUrl, refuse } from './contact-values';
import type { ValueCheck } from './contact-values';
import { readCsvTable } from './reference-csv';
import type { ParseResult, RegistrarRecord, RegistrarStatus } from './reference-records';
import type { SourceRow } from './reference-rows';
import { cell, collectRecords, optionalCell, requiredText } from './reference-rows';

/**
 * IANA's registrar id list as IANA publishes it
 * (https://www.iana.org/assignments/registrar-ids/registrar-ids-1.csv):
 * `"ID",Registrar Name,Status,RDAP Base URL`.
 */
const REGISTRAR_COLUMNS = ['ID', 'Registrar Name', 'Status', 'RDAP Base URL'] as const;
type RegistrarColumn = (typeof REGISTRAR_COLUMNS)[number];

const STATUSES: Readonly<Record<string, RegistrarStatus>> = {
  accredited: 'ACCREDITED',
  terminated: 'TERMINATED',
  reserved: 'RESERVED',
};

export function parseRegistrarIds(text: string, file: string): ParseResult<RegistrarRecord> {
  const { records, rejections } = collectRecords(
    file,
    readCsvTable(text, file, REGISTRAR_COLUMNS),
    (row) => registrarRecord(file, row),
    (record) => `IANA id ${record.ianaId}`,
  );
  return { records, rejections };
}

function registrarRecord(
  file: string,
  { line, cells }: SourceRow<RegistrarColumn>,
): ValueCheck<RegistrarRecord> {
  const ianaId = cell('ID', cells.ID, checkRegistrarId);
  if (!ianaId.ok) return ianaId;
  const name = requiredText('Registrar Name', cells['Registrar Name']);
  if (!name.ok) return name;
  const status = cell('Status', cells.Status, checkStatus);
  if (!status.ok) return status;
  const rdapBaseUrl = optionalCell('RDAP Base URL', cells['RDAP Base URL'], checkWebUrl);
  if (!rdapBaseUrl.ok) return rdapBaseUrl;
  return accept({
    source: { file, line },
    ianaId: ianaId.value,
    name: name.value,
    status: status.value,
    rdapBaseUrl: rdapBaseUrl.value,
  });
}

function checkStatus(value: string): ValueCheck<RegistrarStatus> {
  const status = STATUSES[value.toLowerCase()];
  return status === undefined ? refuse('is not Accredited, Terminated or Reserved') : accept(status);
}
