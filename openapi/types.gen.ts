// generated, do not edit: TypeScript types from openapi/defender-machine-actions.yaml.
// Run `npm run generate` after changing the YAML.

export interface paths {
    "/api/machines/{id}/unrestrictCodeExecution": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove app restriction (enable execution of any application on the device)
         * @description Creates an `UnrestrictCodeExecution` machine action for the device and answers `201 Created` with
         *     the new action in status `Pending` (mde-api.md §1, §2).
         *
         *     While an `UnrestrictCodeExecution` action is `Pending` or `InProgress` on the same machine, another
         *     call is answered 400 `ActiveRequestAlreadyExists` "Action is already in progress" (default policy);
         *     under the configurable "return pending" policy it is answered 201 with the existing action unchanged.
         *     A pending `RestrictCodeExecution` does not block an unrestrict (mde-api.md §3 and decisions).
         *
         *     Other HTTP methods on this path get 405 with an empty body and `Allow: POST` (payload 13).
         */
        post: operations["unrestrictCodeExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machines/{id}/restrictCodeExecution": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restrict app execution (only Microsoft-signed applications may run on the device)
         * @description Same contract as `unrestrictCodeExecution` (mde-api.md §8): body `{"Comment": "…"}`, permission
         *     `Machine.RestrictExecution`, `201 Created` with a `RestrictCodeExecution` action in status `Pending`,
         *     the same duplicate behaviour, 100/min and 1500/h. Other HTTP methods get 405 with `Allow: POST`.
         */
        post: operations["restrictCodeExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machineactions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The machine-action id, a GUID. Declared as a plain string on purpose: a key that is not a GUID must
                 *     reach the operation, which answers 400 `BadRequest` with MDE's own wording (payload 10).
                 */
                id: components["parameters"]["MachineActionId"];
            };
            cookie?: never;
        };
        /**
         * Get a machine action by id
         * @description Answers `200 OK` with the MachineAction entity (with `@odata.context …#MachineActions/$entity`).
         *     Clients poll this until `status` is one of `Succeeded`, `Failed`, `TimeOut`, `Cancelled`
         *     (mde-api.md §8). A key that is not a GUID is answered 400 `BadRequest` (payload 10); an unknown GUID
         *     404 `ResourceNotFound`.
         */
        get: operations["getMachineAction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machineactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List machine actions (OData v4 query)
         * @description Answers `200 OK` with `{"@odata.context": "https://{host}/api/$metadata#MachineActions", "value": […]}`
         *     (mde-api.md §8, S7, S21). Items carry no `@odata.context`.
         *
         *     Supported query options (the simulator's subset of OData v4, parsed by the OData v4 grammar):
         *     - `$filter`: comparisons combined with `and`, `or`, `not` and parentheses (OData precedence: `not`,
         *       then `and`, then `or`); `eq`, `ne` on `id`, `machineId`, `type`, `status`, `requestor`; `eq`, `ne`,
         *       `gt`, `ge`, `lt`, `le` on `creationDateTimeUtc`. String literals in single quotes (`''` for a quote,
         *       spaces and the words `and`/`or` inside quotes are text), GUIDs bare or quoted, dates as ISO-8601
         *       (e.g. `creationDateTimeUtc gt 2026-01-01T00:00:00Z`). Property names match without regard to case
         *       (MDEAutomator sends `CreationDateTimeUtc`). XSOAR's `or` lists
         *       (`(machineId eq 'a' or machineId eq 'b') and (status eq 'Pending' or status eq 'InProgress')`) work.
         *     - `$top` (1..10000; "Maximum page size is 10,000"), `$skip`, `$count`, `$orderby`.
         *
         *     Anything outside that subset (unknown property, other operator, a function such as `startswith`, a
         *     malformed literal, an unknown `$` option, `$top` out of range) is answered 400 `ODataError`.
         */
        get: operations["listMachineActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machineactions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The machine-action id, a GUID. Declared as a plain string on purpose: a key that is not a GUID must
                 *     reach the operation, which answers 400 `BadRequest` with MDE's own wording (payload 10).
                 */
                id: components["parameters"]["MachineActionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a machine action that is not yet in a final state
         * @description Cancels a `Pending` or `InProgress` action and answers `200 OK` (not 201) with the **same** action
         *     (same id) now in status `Cancelled`, with `cancellationRequestor`, `cancellationComment` and
         *     `cancellationDateTimeUtc` set (mde-api.md §8, S8; Kibana quirks I9). Cancelling an action already
         *     in a final state (`Succeeded`, `Failed`, `TimeOut`, `Cancelled`) is answered 400 `InvalidInput`.
         *     Body errors follow the same rules as the action endpoints. Other HTTP methods get 405 with
         *     `Allow: POST`.
         *
         *     Any one of the seven action permissions suffices; the order of `x-mde-permissions.application` is
         *     the order the server lists them in its 403 message (2021 capture, payload 15).
         */
        post: operations["cancelMachineAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The MDE device id (40 hex characters) or the device's computer DNS name (mde-api.md §8, S18). */
                id: components["parameters"]["MachineIdOrName"];
            };
            cookie?: never;
        };
        /**
         * Get a machine by device id or computer DNS name
         * @description Answers `200 OK` with the Machine entity (`@odata.context …#Machines/$entity`), or 404
         *     `ResourceNotFound` "Machine {id} was not found" (mde-api.md §8, S18; payload 16).
         */
        get: operations["getMachine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machines/{id}/isolate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Isolate a device from the network (the device keeps its connection to the MDE service)
         * @description Creates an `Isolate` machine action and answers `201 Created` with it in status `Pending`
         *     (mde-actions-family.md §1; payload 04). `scope` is the `IsolationType` sent (`Full`, `Selective`,
         *     `UnManagedDevice`), or null when none was sent (payload 04 has `scope: null`).
         *
         *     When the action succeeds the device is isolated with that type (`Full` when none was sent); the
         *     control API shows it as the machine's `sim.isolation`. The Machine entity has no isolation field
         *     (payload 16), so clients read isolation from the actions, as they do against the service.
         *
         *     No duplicate rule is documented for isolate, and a user report shows a second isolate accepted while
         *     the first was pending (mde-actions-family.md §1, I1 #5903): a second isolate is answered 201 with a
         *     new action. Isolating an isolated device is answered 201 too and succeeds (the isolation type becomes
         *     the new one). Other HTTP methods get 405 with `Allow: POST`.
         */
        post: operations["isolateMachine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machines/{id}/unisolate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a device from isolation
         * @description Creates an `Unisolate` machine action (`scope: null`) and answers `201 Created` (mde-actions-family.md
         *     §2; payload 03). While an `Unisolate` is `Pending` or `InProgress` on the device, another is answered
         *     400 `ActiveRequestAlreadyExists` "Action is already in progress" (documented); a pending isolate does
         *     not block it. When it succeeds the device is no longer isolated. Releasing a device that is not
         *     isolated is answered 201 and the action succeeds without effect. Other methods get 405.
         */
        post: operations["unisolateMachine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machines/{id}/runAntiVirusScan": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a Microsoft Defender Antivirus scan on a device
         * @description Creates a `RunAntiVirusScan` machine action whose `scope` is the `ScanType` (`Quick` or `Full`) and
         *     answers `201 Created` (mde-actions-family.md §3). A second scan while one is `Pending` or `InProgress`
         *     is answered 400 `ActiveRequestAlreadyExists` (documented). When it succeeds the control API shows the
         *     scan as the machine's `sim.lastAntivirusScan`. A `ScanType` outside the enum is answered 400
         *     `InvalidInput` "Invalid input ScanType.". Other methods get 405.
         */
        post: operations["runAntiVirusScan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machines/{id}/collectInvestigationPackage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Collect an investigation package from a device
         * @description Creates a `CollectInvestigationPackage` machine action (`scope: null`) and answers `201 Created`
         *     (mde-actions-family.md §4). "If a collection is already running, this returns 400 Bad Request": the
         *     simulator answers `ActiveRequestAlreadyExists` "Action is already in progress", as for the other
         *     actions. Once the action `Succeeded`, `GET /api/machineactions/{id}/getPackageUri` gives a link to
         *     the package. Delegated callers need the 'Alerts Investigation' role (not 'Active remediation
         *     actions'). Other methods get 405.
         */
        post: operations["collectInvestigationPackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machineactions/{id}/getPackageUri": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The machine-action id, a GUID. Declared as a plain string on purpose: a key that is not a GUID must
                 *     reach the operation, which answers 400 `BadRequest` with MDE's own wording (payload 10).
                 */
                id: components["parameters"]["MachineActionId"];
            };
            cookie?: never;
        };
        /**
         * Get a short-lived download link to an investigation package
         * @description For a `CollectInvestigationPackage` action that `Succeeded`, answers `200 OK` with
         *     `{"@odata.context": "https://{host}/api/$metadata#Edm.String", "value": "<URL>"}` (mde-actions-family.md
         *     §5). The URL points at the listener that was called:
         *     `https://{host}/safedownload/WDATP_Investigation_Package.zip?token=<token>`; a `GET` of it returns
         *     a real zip (`application/zip`). The link is valid for 10 minutes of simulator time; after that the
         *     download is refused as Azure Storage refuses an expired signature (403 `AuthenticationFailed`, XML).
         *
         *     The route matches case-insensitively (the docs write `GetPackageUri`, consumers both spellings).
         *     A key that is not a GUID → 400 `BadRequest` (payload 10); an action of another type → 400
         *     `InvalidInput` "Provided Guid is not a valid id for a CollectInvestigationPackage action"
         *     (payload 11); an unknown action, or a collection that has not succeeded (yet) → 404.
         *
         *     Quota: **2 calls per minute and 120 per hour** (unlike the rest of the family). Applications need
         *     `Machine.Read.All` or `Machine.ReadWrite.All`, not `Machine.CollectForensics`; delegated callers need
         *     `Machine.CollectForensics` and the 'Alerts Investigation' role.
         */
        get: operations["getPackageUri"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machines/{id}/StopAndQuarantineFile": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop the execution of a file on a device and quarantine it
         * @description Creates a `StopAndQuarantineFile` action with `relatedFileInfo: {"fileIdentifier": "<Sha1>",
         *     "fileIdentifierType": "Sha1"}` and answers `201 Created` (mde-actions-family.md §6). The route matches
         *     case-insensitively (XSOAR sends `stopAndQuarantineFile`). When it succeeds the file is in the
         *     machine's `sim.quarantinedFiles`.
         *
         *     A `Sha1` that is not 40 hexadecimal characters is answered with the recorded 400 `BadRequest` "A
         *     recognition error occurred.. Fix syntax errors in your query." (payload 12; its trigger was not
         *     recorded). A hash the device never saw (`sim.files`, when the seed lists them) is answered 404
         *     `ResourceNotFound` "Sha1 {sha1} was not found in machine {machineId}" (recorded body, I9). A second
         *     quarantine of the same file while one is active → 400 `ActiveRequestAlreadyExists`.
         */
        post: operations["stopAndQuarantineFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machines/{id}/offboard": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Offboard a device from Defender for Endpoint
         * @description Creates an `Offboard` machine action and answers **`201 Created`** (payloads 05, 06: every recorded
         *     answer; the docs' "200 - Created" came from API Explorer, mde-actions-family.md §7). When it
         *     succeeds the sensor stops: the device goes offline (later actions stay `Pending` and end `TimeOut`),
         *     `onboardingStatus` stays `Onboarded` (as observed, I2) and `healthStatus` becomes `Inactive` 7 days
         *     later (I5). A second offboard while one is active → 400 `ActiveRequestAlreadyExists`.
         */
        post: operations["offboardMachine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List machines (OData v4 query)
         * @description Answers `200 OK` with `{"@odata.context": "https://{host}/api/$metadata#Machines", "value": […]}`
         *     (mde-actions-family.md §8). Items carry no `@odata.context`. Delegated callers see only the machines
         *     of their device groups. The `$filter` grammar is the one of `GET /api/machineactions`, on the
         *     properties `x-mde-odata-filter` lists: comparisons `eq ne gt ge lt le`, `and`, `or`, `not`,
         *     parentheses, quoted strings (`''` for a quote), GUIDs, numbers and ISO-8601 date-times, and the
         *     docs' `startswith(computerDnsName,'mymachine')` (case-insensitive, as the comparisons); `$top`
         *     (1..10000), `$skip`, `$count`, `$orderby`. A tenant with no machines at all is answered 404, as
         *     the docs say ("If there are no recent machines"); a filter matching nothing is 200 with an empty
         *     `value`.
         */
        get: operations["listMachines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/machines/findbyip(ip='{ip}',timestamp={timestamp})": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The internal IP address, as the docs write it between single quotes. */
                ip: string;
                /** @description An ISO-8601 UTC time within the last 30 days (unquoted). */
                timestamp: string;
            };
            cookie?: never;
        };
        /**
         * Find machines seen with an internal IP address around a time
         * @description Machines whose `lastIpAddress` or one of whose `ipAddresses` is the IP, seen (`lastSeen`) within 15
         *     minutes before or after the timestamp (mde-actions-family.md §9). Answers `200 OK` with a Machines
         *     collection, `value` empty when none matched. A timestamp older than 30 days, in the future of the
         *     simulator clock by more than 15 minutes, or not a date → 400 `InvalidInput`. This path is matched
         *     before `GET /api/machines/{id}`. Quotes may be sent as `%27`.
         */
        get: operations["findMachinesByIp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Body of unrestrict/restrict/cancel: `{"Comment": "<string>"}`. `Comment` is **required**, a non-empty
         *     string, and case-sensitive (`required`, `minLength`; `x-mde-required` names it for the simulator,
         *     which checks it before the schema so the answer is MDE's own 400, not a generic one):
         *     - unparsable JSON, empty body, not an object, or `Comment` not a string → `InvalidRequestBody`
         *       "Request body is incorrect";
         *     - no `Comment` key (`comment` in lower case does not count) → `MissingRequiredParameter`
         *       "Parameter Comment is missing.";
         *     - empty `Comment` → `InvalidInput` "Invalid input Comment.".
         *     Other keys are ignored.
         * @example {
         *       "Comment": "Unrestrict code execution since machine was cleaned and validated"
         *     }
         */
        ActionRequest: {
            /**
             * @description Comment to associate with the action. Required, not empty. At most 4000 characters: a longer one is
             *     answered 400 `InvalidInput` "Invalid input Comment." like an empty one.
             */
            Comment: string;
        };
        /**
         * Format: date-time
         * @description .NET round-trip UTC timestamp: seconds, then 1 to 7 fractional digits with trailing zeros trimmed
         *     (no fraction at all on a whole second), then a literal `Z`, e.g. `2026-01-30T21:11:22.8419303Z`,
         *     `2024-01-02T13:39:46.773821Z` (mde-api.md §2 "Date format").
         * @example 2026-01-30T21:11:22.8419303Z
         */
        DateTimeUtc: string;
        /**
         * @description Kind of machine action. Microsoft's connector schema adds `Unknown` and `RequestSample` to the documented list (mde-api.md §2, C7).
         * @enum {string}
         */
        MachineActionType: "Unknown" | "RequestSample" | "RunAntiVirusScan" | "Offboard" | "CollectInvestigationPackage" | "Isolate" | "Unisolate" | "StopAndQuarantineFile" | "RestrictCodeExecution" | "UnrestrictCodeExecution" | "LiveResponse";
        /**
         * @description Action status; `Cancelled` with two L (older docs said "Canceled"). Final states are `Succeeded`, `Failed`,
         *     `TimeOut`, `Cancelled`. The simulator's lifecycle (configurable, `lifecycle` option): an online machine picks a
         *     Pending action up after 5 s (InProgress) and ends it 15 s later (Succeeded, or Failed on a machine set to fail);
         *     on a machine that stays offline it stays Pending and ends TimeOut 3 days after creation.
         * @enum {string}
         */
        MachineActionStatus: "Pending" | "InProgress" | "Succeeded" | "Failed" | "TimeOut" | "Cancelled";
        /**
         * @description A machine action as serialized on the wire: exactly these 21 keys in this order (payloads 01–06).
         *     `@odata.context` (`https://{host}/api/$metadata#MachineActions/$entity`, the host echoing the one
         *     called) is present on entity answers and absent on items of a collection; every other key is always
         *     present. Doc errors not to copy: `lastUpdateTimeUtc` (the wire key is `lastUpdateDateTimeUtc`) and
         *     `externalID` (the wire key is `externalId`).
         */
        MachineAction: {
            /** @description OData context URL; on entity answers only. */
            "@odata.context"?: string;
            /** @description Lower-case hyphenated GUID. No pattern is enforced because recorded captures are redacted (payload 05 uses x's). */
            id: string;
            type: components["schemas"]["MachineActionType"];
            /** @description `null` for restrict/unrestrict in every capture. */
            title: string | null;
            /** @description App tokens → the app registration's display name (2024–2026 captures; GUID in older ones); delegated tokens → the user's UPN. */
            requestor: string;
            /** @description The `Comment` that was sent. */
            requestorComment: string;
            status: components["schemas"]["MachineActionStatus"];
            /** @description The device id (40 hex characters; redacted in some captures). */
            machineId: string;
            /** @description The device's computer DNS name (null in a 2020 capture). */
            computerDnsName: string | null;
            creationDateTimeUtc: components["schemas"]["DateTimeUtc"];
            lastUpdateDateTimeUtc: components["schemas"]["DateTimeUtc"];
            /** @description Who cancelled the action; null until cancelled. */
            cancellationRequestor: string | null;
            /** @description The cancel `Comment`; null until cancelled. */
            cancellationComment: string | null;
            /** @description When the action was cancelled; null until cancelled. */
            cancellationDateTimeUtc: components["schemas"]["DateTimeUtc"] | null;
            /** @description `0` when no error. The simulator sets -2147467259 (E_FAIL) on actions that end Failed. */
            errorHResult: number;
            /** @description `null` for restrict/unrestrict; `Full`/`Selective` for isolation, `Quick`/`Full` for an AV scan. */
            scope: string | null;
            /** @description Caller-supplied external id; null for these actions. */
            externalId: string | null;
            /** @description `PublicApi` for actions created through this API. */
            requestSource: string;
            /** @description Non-null only for StopAndQuarantineFile. */
            relatedFileInfo: components["schemas"]["RelatedFileInfo"] | null;
            /** @description Empty except for LiveResponse actions. */
            commands: components["schemas"]["LiveResponseCommand"][];
            /** @description Undocumented; null in every capture. */
            troubleshootInfo: null;
        };
        /**
         * @description The action `unrestrictCodeExecution` answers with (the new one, or the pending one under the "return
         *     pending" duplicate policy): a `MachineAction` whose `type` is always `UnrestrictCodeExecution`
         *     (mde-api.md §1, §2; payloads 01, 05). Its `status` is not fixed: a pending action returned under that
         *     policy may already be `InProgress`.
         */
        UnrestrictCodeExecutionAction: components["schemas"]["MachineAction"] & {
            /** @constant */
            type?: "UnrestrictCodeExecution";
        };
        /**
         * @description The action `restrictCodeExecution` answers with: a `MachineAction` whose `type` is always
         *     `RestrictCodeExecution` (mde-api.md §8; payload 02).
         */
        RestrictCodeExecutionAction: components["schemas"]["MachineAction"] & {
            /** @constant */
            type?: "RestrictCodeExecution";
        };
        /**
         * @description What `isolate` answers with: a `MachineAction` whose `type` is always `Isolate` and whose `scope` is the
         *     IsolationType sent, or null when none was (payload 04; mde-actions-family.md §1).
         */
        IsolateAction: components["schemas"]["MachineAction"] & {
            /** @constant */
            type?: "Isolate";
            /** @enum {unknown} */
            scope?: "Full" | "Selective" | "UnManagedDevice" | null;
        };
        /** @description What `unisolate` answers with; `type` is always `Unisolate`, `scope` null (payload 03). */
        UnisolateAction: components["schemas"]["MachineAction"] & {
            /** @constant */
            type?: "Unisolate";
            scope?: null;
        };
        /** @description What `runAntiVirusScan` answers with; `type` is always `RunAntiVirusScan`, `scope` the ScanType (D3, D10). */
        RunAntiVirusScanAction: components["schemas"]["MachineAction"] & {
            /** @constant */
            type?: "RunAntiVirusScan";
            /** @enum {unknown} */
            scope?: "Quick" | "Full";
        };
        /** @description What `collectInvestigationPackage` answers with; `type` is always `CollectInvestigationPackage` (D4). */
        CollectInvestigationPackageAction: components["schemas"]["MachineAction"] & {
            /** @constant */
            type?: "CollectInvestigationPackage";
        };
        /**
         * @description What `StopAndQuarantineFile` answers with; `type` is always `StopAndQuarantineFile` and `relatedFileInfo`
         *     names the file by its SHA-1 (D6, D10, D13).
         */
        StopAndQuarantineFileAction: components["schemas"]["MachineAction"] & {
            /** @constant */
            type?: "StopAndQuarantineFile";
            relatedFileInfo?: components["schemas"]["RelatedFileInfo"] & {
                /** @constant */
                fileIdentifierType?: "Sha1";
            };
        };
        /** @description What `offboard` answers with (201, payloads 05, 06); `type` is always `Offboard`. */
        OffboardAction: components["schemas"]["MachineAction"] & {
            /** @constant */
            type?: "Offboard";
        };
        /** @description The file a StopAndQuarantineFile action is about (mde-api.md §2, S5, S7). */
        RelatedFileInfo: {
            fileIdentifier: string;
            /** @enum {string} */
            fileIdentifierType: "Sha1" | "Sha256" | "Md5";
        };
        /**
         * @description One command of a LiveResponse action (mde-api.md §2 `commands`, S19, C7).
         * @example {
         *       "index": 0,
         *       "startTime": null,
         *       "endTime": null,
         *       "commandStatus": "Created",
         *       "errors": [],
         *       "command": {
         *         "type": "RunScript",
         *         "params": [
         *           {
         *             "key": "ScriptName",
         *             "value": "minidump.ps1"
         *           },
         *           {
         *             "key": "Args",
         *             "value": "OfficeClickToRun"
         *           }
         *         ]
         *       }
         *     }
         */
        LiveResponseCommand: {
            index: number;
            startTime: components["schemas"]["DateTimeUtc"] | null;
            endTime: components["schemas"]["DateTimeUtc"] | null;
            /** @enum {string} */
            commandStatus: "Created" | "Submitted" | "PendingResource" | "Executing" | "Completed" | "Failed";
            errors: string[];
            command: {
                /** @description e.g. `RunScript`, `GetFile`, `PutFile`. */
                type: string;
                params: {
                    key: string;
                    value: string;
                }[];
            };
        };
        /**
         * @description A page of machine actions (mde-api.md §8, S7; connector schema C7). Keys in this order;
         *     `@odata.count` only when `$count=true`, `@odata.nextLink` only when more items remain.
         */
        MachineActionCollection: {
            "@odata.context": string;
            "@odata.count"?: number;
            value: components["schemas"]["MachineAction"][];
            /** Format: uri */
            "@odata.nextLink"?: string;
        };
        /** @description One network address of a machine (payload 16). */
        MachineIpAddress: {
            ipAddress: string;
            macAddress: string | null;
            /** @description e.g. `Ethernet`, `SoftwareLoopback`. */
            type: string;
            /** @description e.g. `Up`, `Down`. */
            operationalStatus: string;
        };
        /**
         * @description A device as serialized on the wire: the keys of the 2023 capture (payload 16) in that order.
         *     `@odata.context` (`https://{host}/api/$metadata#Machines/$entity`) on entity answers only.
         */
        Machine: {
            "@odata.context"?: string;
            /** @description Device id, 40 hex characters. */
            id: string;
            mergedIntoMachineId: string | null;
            isPotentialDuplication: boolean;
            isExcluded: boolean;
            exclusionReason: string | null;
            computerDnsName: string | null;
            firstSeen: components["schemas"]["DateTimeUtc"];
            lastSeen: components["schemas"]["DateTimeUtc"];
            /** @description e.g. `Windows10`, `Windows11`, `WindowsServer2019`. */
            osPlatform: string | null;
            osVersion: string | null;
            osProcessor: string | null;
            /** @description OS release, e.g. `21H2`. */
            version: string | null;
            lastIpAddress: string | null;
            lastExternalIpAddress: string | null;
            agentVersion: string | null;
            osBuild: number | null;
            /** @enum {string} */
            healthStatus: "Active" | "Inactive" | "ImpairedCommunication" | "NoSensorData" | "NoSensorDataImpairedCommunication" | "Unknown";
            /** @enum {string} */
            deviceValue: "Normal" | "Low" | "High";
            /** @description Device group id; `0` is the default group. */
            rbacGroupId: number;
            /** @description Device group name; null for the default group. Delegated users need access to it. */
            rbacGroupName: string | null;
            /** @enum {string} */
            riskScore: "None" | "Informational" | "Low" | "Medium" | "High";
            /** @enum {string} */
            exposureLevel: "None" | "Low" | "Medium" | "High";
            isAadJoined: boolean;
            aadDeviceId: string | null;
            machineTags: string[];
            /** @description e.g. `Updated`. */
            defenderAvStatus: string | null;
            /**
             * @description The docs spell `onboarded` in lower case; the wire shows `Onboarded` (payload 16), so the other values are capitalized as documented.
             * @enum {string}
             */
            onboardingStatus: "Onboarded" | "CanBeOnboarded" | "Unsupported" | "InsufficientInfo";
            /** @description e.g. `64-bit`. */
            osArchitecture: string | null;
            /** @description e.g. `Intune`. */
            managedBy: string | null;
            managedByStatus: string | null;
            ipAddresses: components["schemas"]["MachineIpAddress"][];
            /** @description Null for physical devices (payload 16); the object form is not modelled. */
            vmMetadata: Record<string, never> | null;
        };
        /**
         * @description Body of isolate. `Comment` is required (same 400 rules as `ActionRequest`); `IsolationType` is
         *     optional: `Full`, `Selective` or `UnManagedDevice` (spelling as documented, capital M). Parameter
         *     names are case-sensitive.
         * @example {
         *       "Comment": "Isolate machine due to alert 1234",
         *       "IsolationType": "Full"
         *     }
         */
        IsolateRequest: {
            /** @description Comment to associate with the action. Required; at most 4000 characters. */
            Comment: string;
            /**
             * @description Type of isolation; omitted → the action's `scope` is null and the device is isolated fully.
             * @enum {string}
             */
            IsolationType?: "Full" | "Selective" | "UnManagedDevice";
        };
        /**
         * @description Body of runAntiVirusScan. `Comment` and `ScanType` (`Quick` or `Full`) are both required.
         * @example {
         *       "Comment": "Check machine for viruses due to alert 3212",
         *       "ScanType": "Quick"
         *     }
         */
        ScanRequest: {
            /** @description Comment to associate with the action. Required; at most 4000 characters. */
            Comment: string;
            /**
             * @description `Quick` or `Full`; it becomes the action's `scope`.
             * @enum {string}
             */
            ScanType: "Quick" | "Full";
        };
        /**
         * @description Body of StopAndQuarantineFile. `Comment` and `Sha1` (the SHA-1 of the file, 40 hexadecimal characters) are both required.
         * @example {
         *       "Comment": "Stop and quarantine file on machine due to alert 441688558380765161_2136280442",
         *       "Sha1": "87662bc3d60e4200ceaf7aae249d1c343f4b83c9"
         *     }
         */
        StopAndQuarantineRequest: {
            /** @description Comment to associate with the action. Required; at most 4000 characters. */
            Comment: string;
            /** @description SHA-1 of the file to stop and quarantine. */
            Sha1: string;
        };
        /** @description The answer of getPackageUri: an OData primitive, `@odata.context` then `value` (mde-actions-family.md §5). */
        PackageUri: {
            "@odata.context": string;
            /**
             * Format: uri
             * @description A short-lived link to the zip; `https://{host}/safedownload/WDATP_Investigation_Package.zip?token=…`.
             */
            value: string;
        };
        /** @description A page of machines (`GET /api/machines`, `findbyip`). Keys in this order; `@odata.count` only when `$count=true`, `@odata.nextLink` only when more items remain. */
        MachineCollection: {
            "@odata.context": string;
            "@odata.count"?: number;
            value: components["schemas"]["Machine"][];
            /** Format: uri */
            "@odata.nextLink"?: string;
        };
        /**
         * @description MDE's error body (mde-api.md §4, S9): `{"error":{"code","message","target"}}`. `code` is a stable
         *     string (note the 429 code is the string `"429"`); `message` is free text; `target` a per-error
         *     correlation id.
         * @example {
         *       "error": {
         *         "code": "ResourceNotFound",
         *         "message": "Machine 123123123 was not found",
         *         "target": "43f4cb08-8fac-4b65-9db1-745c2ae65f3a"
         *       }
         *     }
         */
        ErrorEnvelope: {
            error: {
                code: string;
                message: string;
                /** @description Correlation id; the simulator uses the Application-Insights form `|xxxxxxxx-xxxxxxxxxxxxxxxx.` (payload 10), older captures show a GUID. */
                target: string;
            };
        };
    };
    responses: {
        /**
         * @description 400 on an action POST. Duplicate: `ActiveRequestAlreadyExists` "Action is already in progress".
         *     Body rules, applied in this order:
         *     1. unparsable JSON, an empty body, a JSON value that is not an object, or a `Comment` that is not a
         *        string → `InvalidRequestBody` "Request body is incorrect" (any schema violation of the body
         *        maps here);
         *     2. no `Comment` key (the key is case-sensitive: `comment` does not count) →
         *        `MissingRequiredParameter` "Parameter Comment is missing.";
         *     3. `Comment` is the empty string → `InvalidInput` "Invalid input Comment.".
         */
        ActionBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description Missing, malformed, badly signed, expired or not-yet-valid token, or a wrong issuer. No
         *     `WWW-Authenticate` header is declared (no evidence either way).
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description Valid token without the permission. App tokens: `Missing application roles. API required roles:
         *     <required roles joined with ",">, application roles: <the token's roles joined with ",">.` (2026
         *     wording; the 2021 wording is available by configuration). Delegated tokens: missing scope, missing
         *     'Active remediation actions' role or no access to the machine's device group, each with its own
         *     message. A valid token for another audience gets the docs' generic Forbidden message.
         */
        ForbiddenRestrictExecution: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Valid token without a read permission (`Machine.Read.All`/`Machine.ReadWrite.All` for apps, `Machine.Read`/`Machine.ReadWrite` + 'View Data' for users). Same message rules as the action 403. */
        ForbiddenMachineRead: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Valid token without any of the seven action permissions. Same message rules as the action 403. */
        ForbiddenCancel: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description No machine with that id (or, for `GET /api/machines/{id}`, that computer DNS name). Message `Machine {id} was not found` (docs example, mde-api.md §4). */
        MachineNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description No machine action with that GUID. Message `Machine action {id} was not found`. */
        MachineActionNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description Not an answer of this POST operation: it is what any other method (GET, PUT, PATCH, DELETE) on this
         *     path gets: `405 Method Not Allowed`, `Content-Length: 0`, an empty body and `Allow: POST`
         *     (payload 13, recorded for unrestrictCodeExecution).
         */
        MethodNotAllowedPostOnly: {
            headers: {
                Allow: components["headers"]["AllowPost"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /**
         * @description Quota exceeded for this operation, tenant and application. `code` is the string `"429"` (not
         *     `TooManyRequests` as the docs' table says). Message, for the window that refused:
         *     `API calls quota exceeded! Maximum allowed 100 per 00:01:00 for the key Destination+TenantID+AppID. You can send requests again in N seconds.`
         *     or the same with `1500 per 01:00:00`. N equals `Retry-After`.
         */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Unexpected server failure, or an injected fault. The docs give no message ("No error message, retry the operation."), so `message` is empty. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Only produced by fault injection (simulating an outage of the service or gateway). */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfterOptional"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description 400 on isolate: the body rules of `ActionBadRequest` (Comment), then an `IsolationType` that is not a
         *     string → `InvalidRequestBody`, or not one of `Full`, `Selective`, `UnManagedDevice` → `InvalidInput`
         *     "Invalid input IsolationType.". Isolate has no duplicate rule (see the operation).
         */
        IsolateBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description 400 on runAntiVirusScan: duplicate (`ActiveRequestAlreadyExists`), the `Comment` rules of
         *     `ActionBadRequest`, then no `ScanType` → `MissingRequiredParameter` "Parameter ScanType is missing.",
         *     or a value other than `Quick`/`Full` → `InvalidInput` "Invalid input ScanType.".
         */
        ScanBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description 400 on StopAndQuarantineFile: duplicate, the `Comment` rules, no `Sha1` → `MissingRequiredParameter`,
         *     a `Sha1` that is not 40 hexadecimal characters → the recorded `BadRequest` (payload 12).
         */
        QuarantineBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Valid token without `Machine.Isolate` (app or delegated), a user without 'Active remediation actions', or no access to the device group. Same message rules as the restrict 403. */
        ForbiddenIsolate: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Valid token without `Machine.Scan`, a user without 'Active remediation actions', or no access to the device group. */
        ForbiddenScan: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Valid token without `Machine.CollectForensics`, a user without 'Alerts Investigation', or no access to the device group. */
        ForbiddenCollect: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Valid token without `Machine.StopAndQuarantine`, a user without 'Active remediation actions', or no access to the device group. */
        ForbiddenQuarantine: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Valid token without `Machine.Offboard`, a user without 'Active remediation actions', or no access to the device group. */
        ForbiddenOffboard: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /**
         * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
         *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
         *     names no machine is answered 404 `ResourceNotFound`.
         */
        MachineIdForAction: string;
        /** @description The MDE device id (40 hex characters) or the device's computer DNS name (mde-api.md §8, S18). */
        MachineIdOrName: string;
        /**
         * @description The machine-action id, a GUID. Declared as a plain string on purpose: a key that is not a GUID must
         *     reach the operation, which answers 400 `BadRequest` with MDE's own wording (payload 10).
         */
        MachineActionId: string;
        /** @description OData filter on the properties the operation's `x-mde-odata-filter` lists (grammar on the operation). */
        ODataFilterMachines: string;
        /** @description Page size, 1 to 10000 ("Maximum page size is 10,000"). */
        ODataTop: number;
        /** @description Number of items to skip. */
        ODataSkip: number;
        /** @description When `true`, the answer carries `@odata.count`, the number of matching items before `$top`/`$skip`. */
        ODataCount: boolean;
        /** @description One filterable property, optionally followed by ` asc` or ` desc`, e.g. `lastSeen desc`. */
        ODataOrderByMachines: string;
    };
    requestBodies: {
        /** @description `{"Comment": "…"}`; `Comment` is required (see the `ActionRequest` schema for the 400 rules). */
        UnrestrictComment: {
            content: {
                "application/json": components["schemas"]["ActionRequest"];
            };
        };
        /** @description `{"Comment": "…"}`; `Comment` is required (see the `ActionRequest` schema for the 400 rules). */
        RestrictComment: {
            content: {
                "application/json": components["schemas"]["ActionRequest"];
            };
        };
        /**
         * @description `{"Comment": "…"}`. Microsoft's page does not mark it required, Microsoft's connector schema does
         *     (mde-api.md §8, C7); the simulator requires it, with the same 400 rules as the action endpoints.
         */
        CancelComment: {
            content: {
                "application/json": components["schemas"]["ActionRequest"];
            };
        };
        /** @description `{"Comment": "…", "IsolationType": "Full"}`; `Comment` is required, `IsolationType` is optional (see `IsolateRequest`). */
        IsolateBody: {
            content: {
                "application/json": components["schemas"]["IsolateRequest"];
            };
        };
        /** @description `{"Comment": "…"}`; `Comment` is required (see the `ActionRequest` schema for the 400 rules). */
        UnisolateComment: {
            content: {
                "application/json": components["schemas"]["ActionRequest"];
            };
        };
        /** @description `{"Comment": "…", "ScanType": "Quick"}`; both are required (see `ScanRequest`). */
        ScanBody: {
            content: {
                "application/json": components["schemas"]["ScanRequest"];
            };
        };
        /** @description `{"Comment": "…"}`; `Comment` is required (see the `ActionRequest` schema for the 400 rules). */
        CollectComment: {
            content: {
                "application/json": components["schemas"]["ActionRequest"];
            };
        };
        /** @description `{"Comment": "…", "Sha1": "<40 hex>"}`; both are required (see `StopAndQuarantineRequest`). */
        StopAndQuarantineBody: {
            content: {
                "application/json": components["schemas"]["StopAndQuarantineRequest"];
            };
        };
        /** @description `{"Comment": "…"}`; required: without it the docs say the call "errors out with code 400". */
        OffboardComment: {
            content: {
                "application/json": components["schemas"]["ActionRequest"];
            };
        };
    };
    headers: {
        /** @description OData protocol version of a success body (payloads 16, 17). */
        ODataVersion: "4.0";
        /** @description Correlation id (a GUID) seen on success answers since 2025 (payload 17). */
        MiseCorrelationId: string;
        /** @description Whole seconds, rounded up, until the call would be admitted; a client that waits exactly that long succeeds (mde-api.md §5, S9; decisions "Window"). */
        RetryAfter: number;
        /** @description Seconds to wait before retrying, when the injected fault sets one. */
        RetryAfterOptional: number;
        /** @description The only method the path accepts (payload 13). */
        AllowPost: "POST";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    unrestrictCodeExecution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UnrestrictComment"];
        responses: {
            /** @description The action was created (status `Pending`), or, under the "return pending" duplicate policy, the existing pending action. */
            201: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnrestrictCodeExecutionAction"];
                };
            };
            400: components["responses"]["ActionBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenRestrictExecution"];
            404: components["responses"]["MachineNotFound"];
            405: components["responses"]["MethodNotAllowedPostOnly"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    restrictCodeExecution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["RestrictComment"];
        responses: {
            /** @description The action was created (status `Pending`), or, under the "return pending" duplicate policy, the existing pending action. */
            201: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestrictCodeExecutionAction"];
                };
            };
            400: components["responses"]["ActionBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenRestrictExecution"];
            404: components["responses"]["MachineNotFound"];
            405: components["responses"]["MethodNotAllowedPostOnly"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMachineAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The machine-action id, a GUID. Declared as a plain string on purpose: a key that is not a GUID must
                 *     reach the operation, which answers 400 `BadRequest` with MDE's own wording (payload 10).
                 */
                id: components["parameters"]["MachineActionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The machine action. */
            200: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MachineAction"];
                };
            };
            /** @description The key is not a GUID (`BadRequest`, recorded wording). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenMachineRead"];
            404: components["responses"]["MachineActionNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMachineActions: {
        parameters: {
            query?: {
                /**
                 * @description OData filter, the subset described on the operation. Its tokens, as the `pattern` checks them
                 *     (parentheses are balanced by the simulator's parser, which a pattern cannot do):
                 *     ```
                 *     filter  = *( "(" / "not " ) clause *")" *( ( " and " / " or " ) *( "(" / "not " ) clause *")" )
                 *     clause  = ( "id" / "machineId" / "type" / "status" / "requestor" ) ( " eq " / " ne " ) ( quoted / guid )
                 *             / "creationDateTimeUtc" ( " eq " / " ne " / " gt " / " ge " / " lt " / " le " ) timestamp
                 *     quoted  = "'" *( any character but "'" / "''" ) "'"
                 *     timestamp = ISO-8601 date-time, bare or quoted (e.g. 2026-01-01T00:00:00Z)
                 *     ```
                 *     Keywords in any case, property names camelCase or PascalCase; whitespace around tokens is free;
                 *     `not` binds before `and`, `and` before `or`. Example (XSOAR's `or` lists)
                 *     `(machineId eq '49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9' or machineId eq '1e5bc9d7e413ddd7902c2932e418702b84d0cc07') and status eq 'Pending'`.
                 *     The simulator answers anything else 400 `ODataError` with a message naming what it refused.
                 */
                $filter?: string;
                /** @description Page size, 1 to 10000 (the docs' "$stop" is a typo for `$top`). */
                $top?: number;
                /** @description Number of items to skip. */
                $skip?: number;
                /** @description When `true`, the answer carries `@odata.count`, the number of matching items before `$top`/`$skip` (Kibana sends it, mde-api.md §8 C3). */
                $count?: boolean;
                /** @description One MachineAction property name, optionally followed by ` asc` or ` desc`, e.g. `creationDateTimeUtc desc`. */
                $orderby?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of machine actions. */
            200: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MachineActionCollection"];
                };
            };
            /** @description The OData query is outside the supported subset or malformed (`ODataError`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenMachineRead"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cancelMachineAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The machine-action id, a GUID. Declared as a plain string on purpose: a key that is not a GUID must
                 *     reach the operation, which answers 400 `BadRequest` with MDE's own wording (payload 10).
                 */
                id: components["parameters"]["MachineActionId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CancelComment"];
        responses: {
            /** @description The action, now `Cancelled` (same id as before). */
            200: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MachineAction"];
                };
            };
            /**
             * @description The body is wrong (same rules as the action endpoints), the key is not a GUID, or the action is
             *     already in a final state.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenCancel"];
            404: components["responses"]["MachineActionNotFound"];
            405: components["responses"]["MethodNotAllowedPostOnly"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMachine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The MDE device id (40 hex characters) or the device's computer DNS name (mde-api.md §8, S18). */
                id: components["parameters"]["MachineIdOrName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The machine. */
            200: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Machine"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenMachineRead"];
            404: components["responses"]["MachineNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    isolateMachine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["IsolateBody"];
        responses: {
            /** @description The action was created (status `Pending`). */
            201: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IsolateAction"];
                };
            };
            400: components["responses"]["IsolateBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenIsolate"];
            404: components["responses"]["MachineNotFound"];
            405: components["responses"]["MethodNotAllowedPostOnly"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    unisolateMachine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["UnisolateComment"];
        responses: {
            /** @description The action was created (status `Pending`), or, under the "return pending" duplicate policy, the existing pending action. */
            201: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnisolateAction"];
                };
            };
            400: components["responses"]["ActionBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenIsolate"];
            404: components["responses"]["MachineNotFound"];
            405: components["responses"]["MethodNotAllowedPostOnly"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    runAntiVirusScan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ScanBody"];
        responses: {
            /** @description The action was created (status `Pending`), or, under the "return pending" duplicate policy, the existing pending action. */
            201: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunAntiVirusScanAction"];
                };
            };
            400: components["responses"]["ScanBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenScan"];
            404: components["responses"]["MachineNotFound"];
            405: components["responses"]["MethodNotAllowedPostOnly"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    collectInvestigationPackage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["CollectComment"];
        responses: {
            /** @description The action was created (status `Pending`), or, under the "return pending" duplicate policy, the existing pending action. */
            201: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectInvestigationPackageAction"];
                };
            };
            400: components["responses"]["ActionBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenCollect"];
            404: components["responses"]["MachineNotFound"];
            405: components["responses"]["MethodNotAllowedPostOnly"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPackageUri: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The machine-action id, a GUID. Declared as a plain string on purpose: a key that is not a GUID must
                 *     reach the operation, which answers 400 `BadRequest` with MDE's own wording (payload 10).
                 */
                id: components["parameters"]["MachineActionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The download link. */
            200: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageUri"];
                };
            };
            /** @description The key is not a GUID (payload 10), or the action is not a package collection (payload 11). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenMachineRead"];
            /** @description No action with that GUID, or the collection has not succeeded (yet). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    stopAndQuarantineFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["StopAndQuarantineBody"];
        responses: {
            /** @description The action was created (status `Pending`), or, under the "return pending" duplicate policy, the existing pending action. */
            201: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StopAndQuarantineFileAction"];
                };
            };
            400: components["responses"]["QuarantineBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenQuarantine"];
            /** @description No machine with that id, or the device never saw that file. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            405: components["responses"]["MethodNotAllowedPostOnly"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    offboardMachine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).
                 *     Unlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that
                 *     names no machine is answered 404 `ResourceNotFound`.
                 */
                id: components["parameters"]["MachineIdForAction"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["OffboardComment"];
        responses: {
            /** @description The action was created (status `Pending`), or, under the "return pending" duplicate policy, the existing pending action. */
            201: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OffboardAction"];
                };
            };
            400: components["responses"]["ActionBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenOffboard"];
            404: components["responses"]["MachineNotFound"];
            405: components["responses"]["MethodNotAllowedPostOnly"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMachines: {
        parameters: {
            query?: {
                /** @description OData filter on the properties the operation's `x-mde-odata-filter` lists (grammar on the operation). */
                $filter?: components["parameters"]["ODataFilterMachines"];
                /** @description Page size, 1 to 10000 ("Maximum page size is 10,000"). */
                $top?: components["parameters"]["ODataTop"];
                /** @description Number of items to skip. */
                $skip?: components["parameters"]["ODataSkip"];
                /** @description When `true`, the answer carries `@odata.count`, the number of matching items before `$top`/`$skip`. */
                $count?: components["parameters"]["ODataCount"];
                /** @description One filterable property, optionally followed by ` asc` or ` desc`, e.g. `lastSeen desc`. */
                $orderby?: components["parameters"]["ODataOrderByMachines"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of machines. */
            200: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MachineCollection"];
                };
            };
            /** @description The OData query is outside the supported subset or malformed (`ODataError`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenMachineRead"];
            /** @description The tenant has no machines at all ("If there are no recent machines, you see 404 Not Found"). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    findMachinesByIp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The internal IP address, as the docs write it between single quotes. */
                ip: string;
                /** @description An ISO-8601 UTC time within the last 30 days (unquoted). */
                timestamp: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The machines seen with that IP around that time. */
            200: {
                headers: {
                    "OData-Version": components["headers"]["ODataVersion"];
                    "mise-correlation-id": components["headers"]["MiseCorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MachineCollection"];
                };
            };
            /** @description The timestamp is not a date, or not within the last 30 days. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenMachineRead"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
