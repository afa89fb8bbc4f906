import { parse } from 'graphql';
import { makeCitizenId } from '../../../lib/ids/citizen-id';
import { operationSubjects } from '../operation-subjects';

const A = makeCitizenId('511921', '19850315', 101);
const B = makeCitizenId('511921', '19900101', 202);
const C = makeCitizenId('511921', '20010203', 303);

describe('operationSubjects', () => {
  it('collects citizen ids from id, ids, personId and personIds, literal or variable, in fragments too', () => {
    const document = parse(`
      query Q($a: ID!, $many: [ID!]!) {
        one: person(id: $a) { id }
        two: person(id: "${B.toLowerCase()}") { id ...More }
        persons(ids: $many) { id }
      }
      fragment More on Person { measures: jointMeasures(personId: "${C}") { code } }
    `);
    expect(operationSubjects(document, { a: A, many: [B, C, 'not-an-id'] })).toEqual(
      [A, B, C].sort(),
    );
  });

  it('skips values that are not citizen ids and variables that were not sent', () => {
    const document = parse(`
      mutation M($id: ID!) { revokeConsent(id: $id) { id } }
      query E { enterprise(uscc: "91511921MA6CX0001X") { name } person(id: $missing) { id } }
    `);
    expect(operationSubjects(document, { id: '5f1c2f64-8f0e-4a57-9a38-0c7c2d7f1e01' })).toEqual([]);
  });
});
