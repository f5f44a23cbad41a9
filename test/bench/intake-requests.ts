import type autocannon from 'autocannon';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The two mutations compared: the real intake, and the same parsing with nothing stored (the baseline). */
export type IntakeOperation = 'reportIncident' | 'validateIncidentReport';

const DOCUMENTS: Readonly<Record<IntakeOperation, string>> = {
  reportIncident:
    'mutation Report($input: ReportIncidentInput!) { reportIncident(input: $input) { replayed incident { id version } } }',
  validateIncidentReport:
    'mutation Validate($input: ReportIncidentInput!) { validateIncidentReport(input: $input) { domains { name } urls } }',
};

/** How the server answered the requests of one phase. */
export interface ResponseTally {
  ok: number;
  non2xx: number;
  /** 2xx responses carrying GraphQL `errors`, or not the expected payload. */
  graphqlErrors: number;
  /** The first failed response, to show what went wrong. */
  firstFailure: string | null;
}

export const emptyTally = (): ResponseTally => ({ ok: 0, non2xx: 0, graphqlErrors: 0, firstFailure: null });

/** Numbers every request of a run, so that no two reports are alike. */
export class RequestSequence {
  private issued = 0;

  next(): number {
    this.issued += 1;
    return this.issued;
  }

  get count(): number {
    return this.issued;
  }
}

/** A distinct, realistic report: its own domain, URL and description; no idempotency key, so each is new. */
export function reportInput(n: number): Record<string, unknown> {
  const domain = `phish-${n}.example.com`;
  return {
    domains: [domain],
    urls: [`https://${domain}/signin?session=${n}`],
    category: 'PHISHING',
    description: `Credential phishing page #${n} imitating a payment provider (intake benchmark)`,
    tlp: 'AMBER',
    contact: 'bench@cert.example.org',
    idempotencyKey: null,
  };
}

/**
 * The autocannon request list for one phase: a single POST /graphql whose body is rebuilt before every
 * send with the next number of `sequence`, and whose answer is checked and counted in `tally`.
 */
export function intakeRequests(
  operation: IntakeOperation,
  sequence: RequestSequence,
  tally: ResponseTally,
  token: string,
): autocannon.Request[] {
  const query = DOCUMENTS[operation];
  return [
    {
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${token}`,
      },
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({ query, variables: { input: reportInput(sequence.next()) } }),
      }),
      onResponse: (status, body) => {
        countResponse(operation, status, body, tally);
      },
    },
  ];
}

function countResponse(operation: IntakeOperation, status: number, body: string, tally: ResponseTally): void {
  if (status >= 200 && status < 300 && isExpectedPayload(operation, body)) {
    tally.ok += 1;
    return;
  }
  if (status >= 200 && status < 300) tally.graphqlErrors += 1;
  else tally.non2xx += 1;
  tally.firstFailure ??= `HTTP ${status}: ${body.slice(0, 500)}`;
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** A full parse rather than a substring test: a payload with `errors` or a missing field is a failure. */
function isExpectedPayload(operation: IntakeOperation, body: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  if (field(parsed, 'errors') !== undefined) return false;
  const payload = field(field(parsed, 'data'), operation);
  switch (operation) {
    case 'reportIncident': {
      const incident = field(payload, 'incident');
      const version = field(incident, 'version');
      // A new incident, read back at least at its report: 1 on the embedded store, where the inline
      // projection answers at once; with PostgreSQL the read model may already hold its routing too.
      return (
        field(payload, 'replayed') === false &&
        typeof field(incident, 'id') === 'string' &&
        typeof version === 'number' &&
        version >= 1
      );
    }
    case 'validateIncidentReport': {
      const domains = field(payload, 'domains');
      return Array.isArray(domains) && domains.length === 1;
    }
  }
}

const COUNT_QUERY = '{ incidents(first: 1) { totalCount } }';

/** The number of incidents in the read model, via the public API. */
export async function storedIncidentCount(url: string, token: string): Promise<number> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query: COUNT_QUERY }),
  });
  const body: unknown = await response.json();
  const total = field(field(field(body, 'data'), 'incidents'), 'totalCount');
  if (typeof total !== 'number') {
    throw new Error(`incidents.totalCount query failed: ${JSON.stringify(body)}`);
  }
  return total;
}

/** The incident count once in-flight requests of a finished phase have landed: two equal reads in a row. */
export async function settledIncidentCount(url: string, token: string): Promise<number> {
  let previous = await storedIncidentCount(url, token);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await sleep(200);
    const current = await storedIncidentCount(url, token);
    if (current === previous) return current;
    previous = current;
  }
  return previous;
}
