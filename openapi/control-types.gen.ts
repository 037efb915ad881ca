// generated, do not edit: TypeScript types from openapi/mde-sim-control.yaml.
// Run `npm run generate` after changing the YAML.

export interface paths {
    "/_sim/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tenants with ids, apps (demo secrets), users (demo passwords), machines and their behaviour. */
        get: operations["listTenants"];
        put?: never;
        /** Seeds a tenant (replacing one with the same id). */
        post: operations["addTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/tenants/{tenantId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        /** One tenant. */
        get: operations["getTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/tenants/{tenantId}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restores one tenant's seed (machines, actions, quota setting and windows). */
        post: operations["resetTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restores every seed and clears quotas, faults and the journal. */
        post: operations["resetAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/tenants/{tenantId}/machines": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adds (or replaces) a machine. */
        post: operations["addMachine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/tenants/{tenantId}/machines/{machineId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
                machineId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Changes how a machine behaves. */
        patch: operations["setMachine"];
        trace?: never;
    };
    "/_sim/tenants/{tenantId}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        /** The tenant's stored actions, oldest first, lifecycle settled to now. */
        get: operations["listActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/tenants/{tenantId}/rate-limits": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        /** The quotas that apply to the tenant, per operation. */
        get: operations["getRateLimits"];
        /** Replaces the tenant's quota setting. */
        put: operations["setRateLimits"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The simulator's time and mode. */
        get: operations["getClock"];
        put?: never;
        /** Freezes, sets, advances and/or resumes the clock (in that order). */
        post: operations["changeClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The request journal, oldest first (credentials and query-string secrets redacted, no bodies). */
        get: operations["getJournal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active fault plans. */
        get: operations["listFaults"];
        put?: never;
        /** Adds a fault plan. */
        post: operations["addFault"];
        /** Removes every fault plan. */
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/faults/{faultId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                faultId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Removes one fault plan. */
        delete: operations["removeFault"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/journal/recording": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether traffic recording is on (the journal keeps redacted bodies and the state each call met). */
        get: operations["getRecording"];
        /** Switches traffic recording on or off. */
        put: operations["setRecording"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/journal/pact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A Pact V4 file made from the recorded API calls (provider states inferred, matchers for ids, times, tokens). */
        get: operations["getRecordedPact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/journal/har": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The journal as HAR 1.2 (for browser dev tools and proxies). */
        get: operations["getHar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/retries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per caller and operation, 429s given, early retries and honoured retries. */
        get: operations["getRetries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/callers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who called the API, per caller and operation - quota windows in use, remaining budget, 429s and retries.
         * @description The record behind the live page's quota view: for each caller (tenant + app) and operation it called,
         *     every quota window with the admitted calls still inside it, and the 429 record of `GET /_sim/retries`.
         */
        get: operations["getCallers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every status actions took after a cursor, stamped with simulator time (the live timeline).
         * @description Poll with `after` set to the `latest` of the previous answer. Lifecycles are settled to now first, so
         *     a clock jump still yields each intermediate status with its own time. Answered from a bounded buffer
         *     (2000 events): `truncated` says events after the cursor were dropped; a new `generation` (after a
         *     reset) means start over from `after=0`. Successful reads of the control API are not journaled, so
         *     polling does not push calls out of the journal.
         */
        get: operations["getEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mints an access token with any claims (expired, wrong audience, missing role, forged types...). */
        post: operations["mintToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signs new tokens with a fresh key; the previous key keeps verifying. */
        post: operations["rotateSigningKeys"];
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
        RecordingSetting: {
            enabled: boolean;
        };
        ControlError: {
            error: {
                /** @example InvalidControlRequest */
                code: string;
                message: string;
                /** @description JSON pointer of the bad value in the request body (or the query parameter's name). */
                field?: string;
            };
        };
        Guid: string;
        ShortText: string;
        /** @description A tenant to seed; also the shape of each entry of a `--seed-file` array. */
        TenantSeed: {
            id: components["schemas"]["Guid"];
            /** @description Primary domain, e.g. `contoso-demo.onmicrosoft.com` (also accepted as authority tenant). */
            domain: string;
            displayName: components["schemas"]["ShortText"];
            apps: components["schemas"]["AppRegistration"][];
            users: components["schemas"]["UserAccount"][];
            machines: components["schemas"]["MachineSeed"][];
            /** @description Managed identities that get tokens from the App Service and IMDS endpoints. */
            managedIdentities?: components["schemas"]["ManagedIdentity"][];
            /**
             * @description Stored machine actions (a backlog for demos and scale tests), as the API serializes them, in
             *     creation order. Each must be final (Succeeded, Failed, TimeOut or Cancelled) and name a machine of
             *     the seed; ids must be unique. They list, count and age like actions the simulator made, so
             *     retention drops those that ended more than its maximum age before the simulator's clock.
             */
            history?: components["schemas"]["StoredAction"][];
        };
        /** @description A managed identity (App Service, VM, Logic App) of the tenant. */
        ManagedIdentity: {
            /**
             * @description `system-assigned` (the host's own identity) or `user-assigned` (a standalone resource).
             * @enum {string}
             */
            kind: "system-assigned" | "user-assigned";
            /** @description Client (application) id: the token's `appid`. */
            clientId: components["schemas"]["Guid"];
            /** @description Object (principal) id: the token's `oid` and `sub`. */
            objectId: components["schemas"]["Guid"];
            /** @description Azure resource id (the token's `xms_mirid`). */
            resourceId: string;
            /** @description The resource's name; reported as the action's `requestor`. */
            displayName: components["schemas"]["ShortText"];
            /** @description App roles on the WindowsDefenderATP API (token `roles`). */
            roles: components["schemas"]["ShortText"][];
        };
        /** @description A federated identity credential on an app registration (workload identity federation). */
        FederatedCredential: {
            /** @description Name shown in the portal (informational). */
            name?: components["schemas"]["ShortText"];
            /** @description Issuer of the external token, compared case-sensitively with its `iss`. */
            issuer: string;
            subject: string;
            /** @description Accepted `aud` values; default `api://AzureADTokenExchange`. */
            audiences?: string[];
            /** @description Public keys of an external issuer (the simulator never fetches anything). */
            jwks?: {
                keys: {
                    [key: string]: unknown;
                }[];
            };
        };
        AppRegistration: {
            /** @description Application (client) id, the token's `appid`. */
            clientId: components["schemas"]["Guid"];
            /** @description Display name; the service reports it as `requestor` on actions the app creates. */
            displayName: components["schemas"]["ShortText"];
            /** @description Demo client secret (printed on start). */
            clientSecret?: string;
            /** @description PEM of the registered certificate, for `client_assertion` (certificate credentials). */
            certificatePem?: string;
            /** @description Application permissions on the WindowsDefenderATP API (token `roles`). */
            roles: components["schemas"]["ShortText"][];
            /** @description Delegated permissions consented for this app (token `scp` in user tokens). */
            delegatedScopes?: components["schemas"]["ShortText"][];
            /** @description A public client (resource-owner password flow without a secret). */
            isPublicClient?: boolean;
            /** @description Workload identity federation: a `client_assertion` from another identity provider is accepted in place of a secret when its `iss`, `sub` and `aud` match one of these exactly. */
            federatedCredentials?: components["schemas"]["FederatedCredential"][];
        };
        UserAccount: {
            /** @description Object id (token `oid`). */
            objectId: components["schemas"]["Guid"];
            userPrincipalName: string;
            displayName: components["schemas"]["ShortText"];
            /** @description Demo password for the resource-owner password flow. */
            password: string;
            /** @description MDE portal role permissions, e.g. `Active remediation actions`, `View Data`. */
            mdeRoles: components["schemas"]["ShortText"][];
            /** @description Device groups (machine `rbacGroupName`) the user can access; `*` means all. */
            deviceGroups: components["schemas"]["ShortText"][];
        };
        /**
         * @description A machine: every property of the API's `Machine` entity (all optional but `id` and
         *     `computerDnsName`; omitted ones get demo defaults), plus `sim`, how it behaves.
         */
        MachineSeed: {
            /** @description Device id, 40 hex characters. */
            id: string;
            mergedIntoMachineId?: string | null;
            isPotentialDuplication?: boolean;
            isExcluded?: boolean;
            exclusionReason?: string | null;
            computerDnsName: string;
            firstSeen?: components["schemas"]["DateTimeUtc"];
            lastSeen?: components["schemas"]["DateTimeUtc"];
            /** @description e.g. `Windows10`, `Windows11`, `WindowsServer2019`. */
            osPlatform?: string | null;
            osVersion?: string | null;
            osProcessor?: string | null;
            /** @description OS release, e.g. `21H2`. */
            version?: string | null;
            lastIpAddress?: string | null;
            lastExternalIpAddress?: string | null;
            agentVersion?: string | null;
            osBuild?: number | null;
            /** @enum {string} */
            healthStatus?: "Active" | "Inactive" | "ImpairedCommunication" | "NoSensorData" | "NoSensorDataImpairedCommunication" | "Unknown";
            /** @enum {string} */
            deviceValue?: "Normal" | "Low" | "High";
            /** @description Device group id; `0` is the default group. */
            rbacGroupId?: number;
            /** @description Device group name; null for the default group. Delegated users need access to it. */
            rbacGroupName?: string | null;
            /** @enum {string} */
            riskScore?: "None" | "Informational" | "Low" | "Medium" | "High";
            /** @enum {string} */
            exposureLevel?: "None" | "Low" | "Medium" | "High";
            isAadJoined?: boolean;
            aadDeviceId?: string | null;
            machineTags?: string[];
            /** @description e.g. `Updated`. */
            defenderAvStatus?: string | null;
            /**
             * @description The docs spell `onboarded` in lower case; the wire shows `Onboarded` (payload 16), so the other values are capitalized as documented.
             * @enum {string}
             */
            onboardingStatus?: "Onboarded" | "CanBeOnboarded" | "Unsupported" | "InsufficientInfo";
            /** @description e.g. `64-bit`. */
            osArchitecture?: string | null;
            /** @description e.g. `Intune`. */
            managedBy?: string | null;
            managedByStatus?: string | null;
            ipAddresses?: components["schemas"]["MachineIpAddress"][];
            /** @description Null for physical devices (payload 16); the object form is not modelled. */
            vmMetadata?: Record<string, never> | null;
            sim?: components["schemas"]["MachineBehaviour"];
        };
        /** @description How a simulated machine behaves when actions reach it. */
        MachineBehaviour: {
            /** @description An offline machine never picks actions up; they stay Pending and end TimeOut. */
            online?: boolean;
            /** @enum {string} */
            outcome?: "succeed" | "fail";
            /** @description Whether app execution is currently restricted on the machine. */
            restricted?: boolean;
            pickupDelayMs?: number;
            executionMs?: number;
            /**
             * @description Whether the device is isolated, and how (`None` when it is not). A succeeded isolate sets it to its
             *     IsolationType (`Full` when none was sent), a succeeded unisolate to `None`. The Machine entity has
             *     no such field: this is simulator state. @default None
             * @enum {string}
             */
            isolation?: "None" | "Full" | "Selective" | "UnManagedDevice";
            /**
             * @description SHA-1s of the files the device has seen. StopAndQuarantineFile for another hash is answered 404
             *     "Sha1 … was not found in machine …". Absent: every hash counts as seen.
             */
            files?: string[];
            /** @description SHA-1s a succeeded StopAndQuarantineFile has quarantined on the device (lower case). */
            quarantinedFiles?: string[];
            /** @description The last antivirus scan that succeeded on the device. */
            lastAntivirusScan?: {
                /** @enum {string} */
                scanType: "Quick" | "Full";
                /** Format: date-time */
                completedAt: string;
            };
            /**
             * Format: date-time
             * @description When a succeeded offboard stopped the sensor. The device is offline from then on (`online` false)
             *     and its `healthStatus` becomes `Inactive` 7 days later.
             */
            offboardedAt?: string;
        };
        MachineSummary: {
            id: string;
            computerDnsName: string | null;
            osPlatform: string | null;
            rbacGroupName: string | null;
            healthStatus: string | null;
            online: boolean;
            /** @enum {string} */
            outcome: "succeed" | "fail";
            restricted: boolean;
            /** @enum {string} */
            isolation: "None" | "Full" | "Selective" | "UnManagedDevice";
            quarantinedFiles?: string[];
            lastAntivirusScan?: {
                scanType: string;
                completedAt: string;
            };
            offboardedAt?: string;
        };
        TenantSummary: {
            id: string;
            domain: string;
            displayName: string;
            apps: components["schemas"]["AppSummary"][];
            users: components["schemas"]["UserSummary"][];
            machines: components["schemas"]["MachineSummary"][];
        };
        /** @description An app registration with its demo credentials. */
        AppSummary: {
            clientId: string;
            displayName: string;
            clientSecret: string | null;
            hasCertificate: boolean;
            isPublicClient: boolean;
            roles: string[];
            delegatedScopes: string[];
        };
        /** @description A user with the demo password. */
        UserSummary: {
            objectId: string;
            userPrincipalName: string;
            displayName: string;
            password: string;
            mdeRoles: string[];
            deviceGroups: string[];
        };
        RateLimitWindow: {
            /** @description Calls admitted per window (millions are fine for load tests; memory follows the calls made, not the limit). */
            limit: number;
            windowSeconds: number;
        };
        WindowUsage: {
            limit: number;
            windowSeconds: number;
            /** @description Admitted calls still inside the window. */
            used: number;
            remaining: number;
        };
        CallerUsage: {
            tenantId: string;
            clientId: string;
            displayName: string | null;
            operations: {
                operationId: string;
                windows: components["schemas"]["WindowUsage"][];
                /** @description 429 answers given. */
                throttled: number;
                /** @description Calls made before the last Retry-After had elapsed. */
                earlyRetries: number;
                honouredRetries: number;
            }[];
        };
        ActivityEvent: {
            seq: number;
            /** Format: date-time */
            time: string;
            tenantId: string;
            actionId: string;
            type: string;
            status: string;
            machineId: string | null;
            computerDnsName: string | null;
            requestor: string | null;
        };
        ActivityPage: {
            generation: number;
            latest: number;
            truncated: boolean;
            events: components["schemas"]["ActivityEvent"][];
        };
        /** @description Whether quotas apply, and windows per operationId replacing the spec's `x-mde-rate-limits`. */
        RateLimitSetting: {
            enabled?: boolean;
            /** @description Keys are the API's operationIds; an unknown one is refused. */
            limits?: {
                [key: string]: components["schemas"]["RateLimitWindow"][];
            };
        };
        ClockChange: {
            /** @enum {string} */
            mode?: "frozen" | "running";
            /** @description An ISO date-time, or ms since the epoch (years 1970 to 9999). */
            set?: string | number;
            /** @description Up to 100 years. */
            advanceMs?: number;
        };
        /** @description Which calls a plan applies to; omitted fields match everything. */
        FaultMatch: {
            /** @description An operationId of the API; an unknown one is refused. */
            operationId?: string;
            tenantId?: string;
            machineId?: string;
        };
        /** @description What a plan does to a call it fires on. */
        FaultEffect: components["schemas"]["StatusFault"] | components["schemas"]["LatencyFault"] | components["schemas"]["DropFault"];
        /** @description Answer with this status (and an MDE error body). */
        StatusFault: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "status";
            status: number;
            code?: components["schemas"]["ShortText"];
            message?: string;
            retryAfterSeconds?: number;
        };
        /** @description Wait on the simulator clock (`delayMs`, or a seeded uniform draw from `minMs` to `maxMs`). */
        LatencyFault: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "latency";
            delayMs?: number;
            minMs?: number;
            maxMs?: number;
        };
        /** @description Destroy the connection without an answer. */
        DropFault: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "drop";
        };
        FaultPlanInput: {
            id?: string;
            match?: components["schemas"]["FaultMatch"];
            effect: components["schemas"]["FaultEffect"];
            /** @description Fire on the next `count` matching calls, then retire. */
            count?: number;
            /** @description Or fire on this fraction of matching calls, chosen by a seeded random source. */
            probability?: number;
            seed?: string | number;
        };
        FaultPlan: {
            id: string;
            match?: components["schemas"]["FaultMatch"];
            effect: components["schemas"]["FaultEffect"];
            count?: number;
            probability?: number;
            seed?: string | number;
            fired: number;
        };
        MintTokenRequest: {
            /** @description Tenant id or domain. */
            tenantId: string;
            /** @description The app the token is for; its roles and display name fill the claims. @default the tenant's first app */
            clientId?: string;
            /** @description A user (UPN or object id) makes a delegated token with the app's scopes. */
            user?: string;
            /** @description Claims to set or override, of any type (so tests can forge tokens; types are checked where a token is verified). */
            claims?: {
                [key: string]: unknown;
            };
            lifetimeSeconds?: number;
            /** @enum {string} */
            signWith?: "current" | "untrusted";
        };
        /**
         * @description The state file of `mde-sim serve --persist` (`<state-dir>/state.json`), also what
         *     `simulator.snapshot()` returns and `simulator.restore()` takes. Not an HTTP body.
         */
        PersistedState: {
            /** @constant */
            format: "mde-sim-state";
            /** @constant */
            version: 1;
            /** Format: date-time */
            savedAt: string;
            clock: {
                /** @enum {string} */
                mode: "running" | "frozen";
                nowMs: number;
            };
            state: {
                seeds: components["schemas"]["TenantSeed"][];
                tenants: components["schemas"]["TenantSnapshot"][];
                rateLimits: {
                    [key: string]: components["schemas"]["RateLimitSetting"];
                };
                faults: {
                    plan: components["schemas"]["FaultPlan"];
                    draws: number;
                }[];
            };
        };
        /** @description A tenant as persisted, its current identity and machines (seed form) and its stored actions. */
        TenantSnapshot: {
            seed: components["schemas"]["TenantSeed"];
            /** @description Investigation-package download links handed out by getPackageUri and not yet expired. */
            packageLinks?: {
                token: string;
                actionId: string;
                expiresAtMs: number;
            }[];
            actions: {
                action: components["schemas"]["StoredAction"];
                createdAtMs: number;
                finishedAtMs?: number;
                next?: {
                    atMs: number;
                    /** @enum {string} */
                    to: "InProgress" | "Succeeded" | "Failed" | "TimeOut" | "Cancelled";
                };
            }[];
        };
        /** @description A machine action as the API serializes it, without `@odata.context`. */
        StoredAction: {
            /** @description Lower-case hyphenated GUID. No pattern is enforced because recorded captures are redacted (payload 05 uses x's). */
            id: string;
            type: components["schemas"]["MachineActionType"];
            /** @description `null` for restrict/unrestrict in every capture. */
            title?: string | null;
            /** @description App tokens → the app registration's display name (2024–2026 captures; GUID in older ones); delegated tokens → the user's UPN. */
            requestor: string;
            /** @description The `Comment` that was sent. */
            requestorComment: string;
            status: components["schemas"]["MachineActionStatus"];
            /** @description The device id (40 hex characters; redacted in some captures). */
            machineId: string;
            /** @description The device's computer DNS name (null in a 2020 capture). */
            computerDnsName?: string | null;
            creationDateTimeUtc: components["schemas"]["DateTimeUtc"];
            lastUpdateDateTimeUtc: components["schemas"]["DateTimeUtc"];
            /** @description Who cancelled the action; null until cancelled. */
            cancellationRequestor?: string | null;
            /** @description The cancel `Comment`; null until cancelled. */
            cancellationComment?: string | null;
            /** @description When the action was cancelled; null until cancelled. */
            cancellationDateTimeUtc?: components["schemas"]["DateTimeUtc"] | null;
            /** @description `0` when no error. The simulator sets -2147467259 (E_FAIL) on actions that end Failed. */
            errorHResult?: number;
            /** @description `null` for restrict/unrestrict; `Full`/`Selective` for isolation, `Quick`/`Full` for an AV scan. */
            scope?: string | null;
            /** @description Caller-supplied external id; null for these actions. */
            externalId?: string | null;
            /** @description `PublicApi` for actions created through this API. */
            requestSource?: string;
            /** @description Non-null only for StopAndQuarantineFile. */
            relatedFileInfo?: components["schemas"]["RelatedFileInfo"] | null;
            /** @description Empty except for LiveResponse actions. */
            commands?: components["schemas"]["LiveResponseCommand"][];
            /** @description Undocumented; null in every capture. */
            troubleshootInfo?: null;
        };
        /** @description The `mde-sim serve --config <file>` JSON file. Every field is optional; flags and environment variables win. */
        ServeConfig: {
            host?: string;
            port?: number;
            /** @description null switches HTTPS off, as `--no-https` does. */
            httpsPort?: number | null;
            stateDir?: string;
            seedFile?: string;
            /** @enum {string} */
            clock?: "running" | "frozen";
            seed?: string | number;
            /** @enum {string} */
            duplicatePolicy?: "reject" | "return-pending";
            /** @enum {string} */
            forbiddenWording?: "current" | "legacy";
            /** @description true (the spec's quotas), false (off), or windows per operationId (load tests raise them). */
            rateLimits?: boolean | components["schemas"]["RateLimitSetting"];
            lifecycle?: {
                pickupDelayMs?: number;
                executionMs?: number;
                offlineTimeoutMs?: number;
            };
            /** @description false keeps every action; otherwise how long final actions are kept. */
            retention?: false | {
                maxAgeDays?: number | null;
                maxFinalActions?: number | null;
            };
            /** @enum {string} */
            logLevel?: "fatal" | "error" | "warn" | "info" | "debug" | "silent";
            allowRemote?: boolean;
            controlToken?: string;
            publicHosts?: string[];
            /** @description Port of the proxy mode (`--proxy-port`); null for none. */
            proxyPort?: number | null;
            /** @description Start with traffic recording on (`--record`). */
            record?: boolean;
            /** @description Origin written into host-bearing values such as `@odata.context` (`--public-origin`). */
            publicOrigin?: string;
            persist?: boolean;
            persistIntervalMs?: number;
        };
        /**
         * Format: date-time
         * @description .NET round-trip UTC timestamp: seconds, then 1 to 7 fractional digits with trailing zeros trimmed
         *     (no fraction at all on a whole second), then a literal `Z`, e.g. `2026-01-30T21:11:22.8419303Z`,
         *     `2024-01-02T13:39:46.773821Z` (mde-api.md §2 "Date format").
         * @example 2026-01-30T21:11:22.8419303Z
         */
        DateTimeUtc: string;
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
    };
    responses: {
        /** @description A tenant. */
        Tenant: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TenantSummary"];
            };
        };
        /** @description A machine and its behaviour. */
        Machine: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MachineSummary"];
            };
        };
        /** @description The quotas that apply. */
        RateLimits: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    enabled: boolean;
                    limits: {
                        [key: string]: components["schemas"]["RateLimitWindow"][];
                    };
                };
            };
        };
        /** @description The clock. */
        Clock: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    /** Format: date-time */
                    now: string;
                    /** @enum {string} */
                    mode: "running" | "frozen";
                };
            };
        };
        /** @description Active fault plans. */
        Faults: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    faults: components["schemas"]["FaultPlan"][];
                };
            };
        };
        /** @description Whether traffic recording is on. */
        Recording: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RecordingSetting"];
            };
        };
        /** @description The request does not fit its schema (the message names the field). */
        Invalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description No such tenant, machine, fault plan or route. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ControlError"];
            };
        };
        /** @description Refused by the control API's protection (foreign Host or Origin, missing control token). */
        Refused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ControlError"];
            };
        };
    };
    parameters: {
        /** @description Tenant id (GUID) or primary domain. */
        TenantId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listTenants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every tenant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenants: components["schemas"]["TenantSummary"][];
                    };
                };
            };
            403: components["responses"]["Refused"];
        };
    };
    addTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantSeed"];
            };
        };
        responses: {
            201: components["responses"]["Tenant"];
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
        };
    };
    getTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Tenant"];
            403: components["responses"]["Refused"];
            404: components["responses"]["NotFound"];
        };
    };
    resetTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Tenant"];
            403: components["responses"]["Refused"];
            404: components["responses"]["NotFound"];
        };
    };
    resetAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenants after the reset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenants: components["schemas"]["TenantSummary"][];
                    };
                };
            };
            403: components["responses"]["Refused"];
        };
    };
    addMachine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MachineSeed"];
            };
        };
        responses: {
            201: components["responses"]["Machine"];
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
            404: components["responses"]["NotFound"];
        };
    };
    setMachine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
                machineId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MachineBehaviour"];
            };
        };
        responses: {
            200: components["responses"]["Machine"];
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
            404: components["responses"]["NotFound"];
        };
    };
    listActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The actions, as the API serializes them. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actions: Record<string, never>[];
                    };
                };
            };
            403: components["responses"]["Refused"];
            404: components["responses"]["NotFound"];
        };
    };
    getRateLimits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["RateLimits"];
            403: components["responses"]["Refused"];
            404: components["responses"]["NotFound"];
        };
    };
    setRateLimits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id (GUID) or primary domain. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RateLimitSetting"];
            };
        };
        responses: {
            200: components["responses"]["RateLimits"];
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
            404: components["responses"]["NotFound"];
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Clock"];
            403: components["responses"]["Refused"];
        };
    };
    changeClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockChange"];
            };
        };
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
        };
    };
    getJournal: {
        parameters: {
            query?: {
                limit?: number;
                tenantId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Journal entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: Record<string, never>[];
                    };
                };
            };
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
        };
    };
    listFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Faults"];
            403: components["responses"]["Refused"];
        };
    };
    addFault: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultPlanInput"];
            };
        };
        responses: {
            /** @description The plan as stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultPlan"];
                };
            };
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
            /** @description A plan with this id exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlError"];
                };
            };
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Faults"];
            403: components["responses"]["Refused"];
        };
    };
    removeFault: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                faultId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Faults"];
            403: components["responses"]["Refused"];
            404: components["responses"]["NotFound"];
        };
    };
    getRecording: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Recording"];
            403: components["responses"]["Refused"];
        };
    };
    setRecording: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordingSetting"];
            };
        };
        responses: {
            200: components["responses"]["Recording"];
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
        };
    };
    getRecordedPact: {
        parameters: {
            query: {
                consumer: string;
                provider?: string;
                tenantId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pact. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consumer: Record<string, never>;
                        provider: Record<string, never>;
                        interactions: Record<string, never>[];
                        metadata: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
        };
    };
    getHar: {
        parameters: {
            query?: {
                tenantId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The HAR document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        log: Record<string, never>;
                    };
                };
            };
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
        };
    };
    getRetries: {
        parameters: {
            query?: {
                tenantId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Retry behaviour per caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        retries: Record<string, never>[];
                    };
                };
            };
            403: components["responses"]["Refused"];
        };
    };
    getCallers: {
        parameters: {
            query?: {
                tenantId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Callers and their quota use. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        callers: components["schemas"]["CallerUsage"][];
                    };
                };
            };
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
        };
    };
    getEvents: {
        parameters: {
            query?: {
                after?: number;
                limit?: number;
                tenantId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events after the cursor, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPage"];
                };
            };
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
        };
    };
    mintToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MintTokenRequest"];
            };
        };
        responses: {
            /** @description The token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        token_type: "Bearer";
                        access_token: string;
                    };
                };
            };
            400: components["responses"]["Invalid"];
            403: components["responses"]["Refused"];
            404: components["responses"]["NotFound"];
        };
    };
    rotateSigningKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rotated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rotated: boolean;
                    };
                };
            };
            403: components["responses"]["Refused"];
        };
    };
}
