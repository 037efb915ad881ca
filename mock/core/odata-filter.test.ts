import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FilterCapabilities, matchesFilter, ODataQueryError, parseFilter } from './odata-filter.ts';

const ACTIONS: FilterCapabilities = {
  logical: ['and', 'or', 'not'],
  properties: {
    id: ['eq', 'ne'],
    machineId: ['eq', 'ne'],
    type: ['eq', 'ne'],
    status: ['eq', 'ne'],
    requestor: ['eq', 'ne'],
    creationDateTimeUtc: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
  },
};

const action = (fields: Record<string, unknown>) => ({
  id: '8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a',
  machineId: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07',
  type: 'Isolate',
  status: 'Pending',
  requestor: 'SOAR',
  creationDateTimeUtc: '2026-11-29T10:00:00.1234567Z',
  ...fields,
});

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

describe('OData $filter', () => {
  it("keeps ' and ' and ' or ' inside a quoted string as text (the old parser split on them)", () => {
    const filter = parseFilter("requestor eq 'Tom and Jerry' or requestor eq 'Itchy or Scratchy'", ACTIONS);
    expect(matchesFilter(action({ requestor: 'Tom and Jerry' }), filter)).toBe(true);
    expect(matchesFilter(action({ requestor: 'Itchy or Scratchy' }), filter)).toBe(true);
    expect(matchesFilter(action({ requestor: 'Tom' }), filter)).toBe(false);
  });

  it('binds not before and before or, and honours parentheses', () => {
    const loose = parseFilter("type eq 'Isolate' or type eq 'Unisolate' and status eq 'Succeeded'", ACTIONS);
    const grouped = parseFilter(
      "(type eq 'Isolate' or type eq 'Unisolate') and status eq 'Succeeded'",
      ACTIONS,
    );
    const pendingIsolate = action({ type: 'Isolate', status: 'Pending' });
    expect(matchesFilter(pendingIsolate, loose)).toBe(true);
    expect(matchesFilter(pendingIsolate, grouped)).toBe(false);
    const negated = parseFilter("not (status eq 'Pending') and type eq 'Isolate'", ACTIONS);
    expect(matchesFilter(pendingIsolate, negated)).toBe(false);
    expect(matchesFilter(action({ status: 'Failed' }), negated)).toBe(true);
  });

  it('binds not to its own operand only, however the parser grouped what follows', () => {
    // The grammar let `not` take everything after it: `not a and b` was evaluated as `not (a and b)`.
    const negated = parseFilter("not (status eq 'Pending') and type eq 'Isolate'", ACTIONS);
    expect(matchesFilter(action({ status: 'Failed', type: 'Unisolate' }), negated)).toBe(false);
    const mixed = parseFilter("type eq 'Scan' and not status eq 'Pending' or requestor eq 'SOAR'", ACTIONS);
    expect(matchesFilter(action({ type: 'Isolate', status: 'Pending', requestor: 'SOAR' }), mixed)).toBe(
      true,
    );
    expect(matchesFilter(action({ type: 'Isolate', status: 'Failed', requestor: 'Ann' }), mixed)).toBe(false);
    const grouped = parseFilter("not (status eq 'Pending' or type eq 'Isolate')", ACTIONS);
    expect(matchesFilter(action({ status: 'Failed', type: 'Isolate' }), grouped)).toBe(false);
    expect(matchesFilter(action({ status: 'Failed', type: 'Unisolate' }), grouped)).toBe(true);
  });

  it('compares GUIDs bare or quoted, and date-times to the tick', () => {
    expect(
      matchesFilter(action({}), parseFilter('id eq 8A5C34DC-9CA9-4BE4-B3C2-4C70E4BFB69A', ACTIONS)),
    ).toBe(true);
    expect(
      matchesFilter(action({}), parseFilter("id ne '8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a'", ACTIONS)),
    ).toBe(false);
    const after = parseFilter('creationDateTimeUtc gt 2026-11-29T10:00:00.1234566Z', ACTIONS);
    const atOrBefore = parseFilter('creationDateTimeUtc le 2026-11-29T10:00:00.1234567Z', ACTIONS);
    expect(matchesFilter(action({}), after)).toBe(true);
    expect(matchesFilter(action({}), atOrBefore)).toBe(true);
    expect(
      matchesFilter(action({}), parseFilter("creationDateTimeUtc lt '2026-11-29T10:00:00Z'", ACTIONS)),
    ).toBe(false);
  });

  it('reads operators and logical words in any case outside quotes, and leaves quoted text alone', () => {
    const filter = parseFilter("type EQ 'Isolate' AND NOT (requestor Eq 'Tom AND Jerry')", ACTIONS);
    expect(filter).toEqual({
      kind: 'and',
      left: { kind: 'compare', op: 'eq', property: 'type', literal: { kind: 'string', value: 'Isolate' } },
      right: {
        kind: 'not',
        operand: {
          kind: 'compare',
          op: 'eq',
          property: 'requestor',
          literal: { kind: 'string', value: 'Tom AND Jerry' },
        },
      },
    });
    expect(matchesFilter(action({ requestor: 'Tom' }), filter)).toBe(true);
  });

  it('matches property names without regard to case (MDEAutomator sends CreationDateTimeUtc)', () => {
    const filter = parseFilter('CreationDateTimeUtc ge 2026-11-01T00:00:00Z', ACTIONS);
    expect(matchesFilter(action({}), filter)).toBe(true);
  });

  it('matches a collection property that contains the value (machineTags eq)', () => {
    const filter = parseFilter("machineTags eq 'vip'", {
      logical: [],
      properties: { machineTags: ['eq', 'ne'] },
    });
    expect(matchesFilter({ machineTags: ['Finance', 'VIP'] }, filter)).toBe(true);
    expect(matchesFilter({ machineTags: [] }, filter)).toBe(false);
  });

  it.each([
    ["computerDnsName eq 'x'", "the property 'computerDnsName' can't be used in $filter."],
    ["status gt 'Pending'", "the operator 'gt' can't be used on 'status'."],
    ['machineId eq', 'syntax error in $filter'],
    ["status eq 'Pending' and", 'syntax error in $filter'],
    ["requestor eq 'unterminated", 'syntax error in $filter'],
    ["startswith(requestor,'S')", "the function 'startswith' can't be used on 'requestor'."],
    ["contains(requestor,'S')", "the function 'contains' is not supported in $filter."],
    ['creationDateTimeUtc gt yesterday', "the right side of 'gt' must be a literal, not 'yesterday'."],
    ["creationDateTimeUtc gt 'soon'", "''soon'' is not a valid DateTimeOffset for 'creationDateTimeUtc'."],
    ['status eq 5', "the value of 'status' must be a quoted string, not 5."],
  ])('refuses %s', (text, message) => {
    expect(() => parseFilter(text, ACTIONS)).toThrow(ODataQueryError);
    expect(() => parseFilter(text, ACTIONS)).toThrow(message);
  });

  describe('startswith (the machine list, D12)', () => {
    const MACHINES: FilterCapabilities = {
      logical: ['and', 'or', 'not'],
      properties: { computerDnsName: ['eq', 'ne', 'startswith'], riskScore: ['eq', 'ne'] },
    };
    const machine = (computerDnsName: string, riskScore = 'Low') => ({ computerDnsName, riskScore });

    it("matches a prefix without regard to case, as the docs' startswith(computerDnsName,'mymachine')", () => {
      const filter = parseFilter("startswith(computerDnsName,'FIN-')", MACHINES);
      expect(matchesFilter(machine('fin-laptop-017.contoso-demo.local'), filter)).toBe(true);
      expect(matchesFilter(machine('hr-desktop-042.contoso-demo.local'), filter)).toBe(false);
      expect(matchesFilter({ computerDnsName: null }, filter)).toBe(false);
    });

    it('combines with comparisons, not and parentheses, in any case and with spaces after the comma', () => {
      const filter = parseFilter(
        "StartsWith(computerDnsName, 'srv-') and not (riskScore eq 'High') or startswith(computerDnsName,'lab')",
        MACHINES,
      );
      expect(matchesFilter(machine('srv-sql-01', 'Low'), filter)).toBe(true);
      expect(matchesFilter(machine('srv-dc-01', 'High'), filter)).toBe(false);
      expect(matchesFilter(machine('lab-ws-007', 'High'), filter)).toBe(true);
    });

    it.each([
      ["startswith(riskScore,'H')", "the function 'startswith' can't be used on 'riskScore'."],
      [
        'startswith(computerDnsName,5)',
        "the second argument of 'startswith' must be a quoted string, not '5'.",
      ],
      ["startswith('fin',computerDnsName)", 'startswith takes a property and a quoted string'],
      ['startswith(computerDnsName)', 'syntax error in $filter'],
      ["startswith(osVersion,'1')", "the property 'osVersion' can't be used in $filter."],
    ])('refuses %s', (text, message) => {
      expect(() => parseFilter(text, MACHINES)).toThrow(ODataQueryError);
      expect(() => parseFilter(text, MACHINES)).toThrow(message);
    });

    it('takes any quoted prefix as text (fuzz: quotes, spaces, and/or, parentheses, unicode)', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'grapheme', maxLength: 20 }),
          fc.string({ maxLength: 5 }),
          (prefix, rest) => {
            const filter = parseFilter(`startswith(computerDnsName,${quote(prefix)})`, MACHINES);
            expect(matchesFilter(machine(prefix + rest), filter)).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  it("refuses 'or' where the operation allows only 'and'", () => {
    expect(() =>
      parseFilter("status eq 'a' or status eq 'b'", { logical: ['and'], properties: { status: ['eq'] } }),
    ).toThrow("'or' is not supported in $filter");
  });

  it('round-trips any string through a quoted literal (fuzz: quotes, spaces, and/or, parentheses, unicode)', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom("'", ' ', 'a', 'n', 'd', 'o', 'r', '(', ')', 'eq', '"', '\\', '%') }),
      fc.string({ unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(text, text, (first, second) => {
        const filter = parseFilter(
          `requestor eq ${quote(first)} or (requestor eq ${quote(second)})`,
          ACTIONS,
        );
        expect(matchesFilter(action({ requestor: first }), filter)).toBe(true);
        expect(matchesFilter(action({ requestor: second }), filter)).toBe(true);
        const other = `${first}${second}x`;
        expect(matchesFilter(action({ requestor: other }), filter)).toBe(
          other.toLowerCase() === first.toLowerCase() || other.toLowerCase() === second.toLowerCase(),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('takes brackets inside a quoted string as text (outside one they are refused: test/spec/filter-grammar)', () => {
    const quoted = parseFilter(`requestor eq '["x]{'`, ACTIONS);
    expect(matchesFilter(action({ requestor: '["x]{' }), quoted)).toBe(true);
    expect(() => parseFilter("requestor eq ['a']", ACTIONS)).toThrow("'[' is not supported in $filter");
  });

  it('never throws anything but ODataQueryError on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        try {
          parseFilter(input, ACTIONS);
        } catch (error) {
          expect(error).toBeInstanceOf(ODataQueryError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
