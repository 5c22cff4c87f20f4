import type { Selectable } from 'kysely';
import type { DocumentFields } from '../../../lib/api/fields';
import type { AgencyReportTable } from '../../db/schema-staff';

/** What varies in a báo cáo, as stored with the agency's report (empty text is absent). */
export function documentColumns(f: DocumentFields) {
  return {
    doc_number: f.docNumber || null,
    signer_name: f.signerName || null,
    signer_position: f.signerPosition || null,
    recipients: f.recipients?.length ? JSON.stringify(f.recipients.filter(Boolean)) : null,
    parent_body: f.parentBody || null,
  };
}

export function documentFieldsOf(r: Selectable<AgencyReportTable>): DocumentFields {
  return {
    docNumber: r.doc_number,
    signerName: r.signer_name,
    signerPosition: r.signer_position,
    recipients: r.recipients ? (JSON.parse(r.recipients) as string[]) : null,
    parentBody: r.parent_body,
  };
}
