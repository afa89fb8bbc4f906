import type { Caller, ConsentGrant } from '../../../lib/auth/caller';
import { makeCitizenId } from '../../../lib/ids/citizen-id';
import type { GatewayContext } from '../../gateway-context';
import type { ConsentLookup } from '../consent-lookup';
import { ConsentLookupError } from '../consent-lookup';
import { resolveConsents } from '../resolve-consents';

const A = makeCitizenId('511921', '19850315', 101);
const BANK = '91511921MA6BANK01X';
const GRANT: ConsentGrant = {
  personId: A,
  scopes: ['CREDIT_SUMMARY'],
  expiresAt: '2026-01-01T00:00:00.000Z',
};

const ORG: Caller = {
  sub: 'loan-desk',
  clientType: 'org',
  org: BANK,
  roles: [],
  purpose: 'AUTHORIZED_QUERY',
  caseRef: 'LOAN-1',
  consents: [],
};

/** A lookup that records its calls and answers `answer` (or throws it when it is an Error). */
function recording(answer: ConsentGrant[] | Error) {
  const calls: unknown[][] = [];
  const lookup: ConsentLookup = async (...args) => {
    calls.push(args);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { lookup, calls };
}

async function run(caller: Caller, answer: ConsentGrant[] | Error, subjects: string[] = [A]) {
  const { lookup, calls } = recording(answer);
  const context: GatewayContext = { requestId: 'req-1', caller };
  const errors = await resolveConsents(lookup)(context, subjects);
  return {
    calls,
    consents: context.caller?.consents,
    errors: errors.map((error) => ({ message: error.message, extensions: error.extensions })),
  };
}

describe('resolveConsents', () => {
  it("puts the subjects' active consents to the organisation into the caller", async () => {
    expect(await run(ORG, [GRANT])).toEqual({
      calls: [[BANK, [A], 'req-1']],
      consents: [GRANT],
      errors: [],
    });
  });

  it('fails closed with no consents and a CONSENTS_UNAVAILABLE error when the lookup fails', async () => {
    expect(await run(ORG, new ConsentLookupError('subgraph credit answered HTTP 503'))).toEqual({
      calls: [[BANK, [A], 'req-1']],
      consents: [],
      errors: [
        {
          message:
            "Consents could not be checked, so no field that needs the subject's consent is shown. Try again later.",
          extensions: {
            code: 'CONSENTS_UNAVAILABLE',
            reason: 'subgraph credit answered HTTP 503',
          },
        },
      ],
    });
  });

  it('asks nothing when the operation names no person, or the caller is not an authorized query', async () => {
    const officer: Caller = {
      sub: 'o',
      clientType: 'officer',
      dept: 'TAX',
      roles: [],
      purpose: 'ADMIN_LICENSING',
      caseRef: 'C-1',
      consents: [],
    };
    const orgOtherPurpose: Caller = { ...ORG, purpose: 'PUBLIC_SERVICE' };
    expect([
      await run(ORG, [GRANT], []),
      await run(officer, [GRANT]),
      await run(orgOtherPurpose, [GRANT]),
    ]).toEqual([
      { calls: [], consents: [], errors: [] },
      { calls: [], consents: [], errors: [] },
      { calls: [], consents: [], errors: [] },
    ]);
  });
});
