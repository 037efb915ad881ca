// generated, do not edit: the parsed OpenAPI document from openapi/defender-machine-actions.yaml.
// Run `npm run generate` after changing the YAML.

export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "Microsoft Defender for Endpoint machine-action API (as simulated by mde-sim)",
    "version": "1.0.0",
    "summary": "The MDE machine-action REST calls a response playbook makes (restrict, isolate, scan, investigation package, quarantine, offboard) and the machine lists.",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    },
    "description": "The single source of truth for mde-sim: the simulator routes by `operationId`, validates requests with\nthis document, and reads the `x-mde-*` extensions; the client and the contract tests use the same file.\n\nEvidence: every fact comes from `docs/evidence/mde-api.md` (the fact sheet, cited as \"mde-api.md §N\"),\n`docs/evidence/mde-actions-family.md` (isolate, scan, package, quarantine, offboard, machine lists; cited as\n\"mde-actions-family.md §N\") and the recorded payloads in `docs/evidence/payloads/` (cited as \"payload NN\"). Where the evidence is silent, the part is marked\n`x-fidelity: inferred` with a one-line `x-fidelity-reason`; those defaults are the project's binding\ndecisions (mde-api.md, \"Decisions for mde-sim where the evidence is silent\").\n\n**Versioned paths.** `/api/v1.0/...` is equivalent to `/api/...` (mde-api.md §1: the version segment is\noptional and omitting it means the latest, `v1.0`). Paths are written once, in the unversioned form; the\ntop-level `x-path-aliases` extension tells the router to strip `/api/v1.0/` to `/api/` before matching.\n\n**Content types on the wire.** The spec keys every body as `application/json`. On the wire a success\nbody is sent as `application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8` with\n`OData-Version: 4.0`, and an error body as `application/json; charset=utf-8` without `OData-Version`\n(mde-api.md §2 \"Success headers\", §4; payloads 10, 16, 17). JSON is compact (no spaces), keys in the\norder the schemas list them.\n\n**Compression.** When the request carries `Accept-Encoding`, every answer (success or error) is sent with\n`Content-Encoding: deflate` (or `gzip` when deflate is not acceptable), chunked, with\n`Vary: Accept-Encoding`; the bodies described here are the decoded ones (payloads 11, 12, 16, 17).\n\n**Errors.** Every 4xx/5xx body except 405 is the MDE envelope\n`{\"error\":{\"code\":\"…\",\"message\":\"…\",\"target\":\"…\"}}`; `target` is a fresh correlation id in the\nApplication-Insights form `|xxxxxxxx-xxxxxxxxxxxxxxxx.` (mde-api.md §4 and decisions).\n\n**Authentication.** Entra ID bearer tokens (v1.0 access tokens, issuer `https://sts.windows.net/{tid}/`).\nAccepted audiences are listed in `x-mde-audiences`. A missing, malformed, badly signed, expired or\nnot-yet-valid token, or one from another issuer, is answered 401; a valid token for another audience\nis answered 403 (mde-api.md decisions \"401\"). Application tokens carry the permissions in `roles`,\ndelegated tokens in `scp`; each operation's `x-mde-permissions` names what it needs (any one of the\nlisted values suffices).\n\n**Throttling.** Each operation has its own buckets per tenant (`tid`) and application (`appid`):\n100 calls per sliding minute and 1500 per sliding hour (`x-mde-rate-limits`). Every request that\npasses authentication counts, whatever it is answered; 401s and 429s do not count. See the 429\nresponse for the message and `Retry-After`.\n",
    "x-fidelity": "inferred",
    "x-fidelity-reason": "Throttle accounting, window type and the 401/403 split are project decisions (mde-api.md \"Decisions for mde-sim\", §5)."
  },
  "x-path-aliases": [
    {
      "prefix": "/api/v1.0/",
      "canonical": "/api/"
    }
  ],
  "x-mde-audiences": [
    "https://api.securitycenter.microsoft.com",
    "https://api.security.microsoft.com",
    "https://api.securitycenter.windows.com",
    "https://securitycenter.onmicrosoft.com/windowsatpservice"
  ],
  "x-mde-issuer": "https://sts.windows.net/{tid}/",
  "servers": [
    {
      "url": "https://api.security.microsoft.com",
      "description": "Documented service base URI (mde-api.md §7, [P] S15).",
      "x-region": "global"
    },
    {
      "url": "https://us.api.security.microsoft.com",
      "description": "Geo endpoint, United States (mde-api.md §7, [P] S16).",
      "x-region": "us"
    },
    {
      "url": "https://eu.api.security.microsoft.com",
      "description": "Geo endpoint, Europe (mde-api.md §7, [P] S16).",
      "x-region": "eu"
    },
    {
      "url": "https://uk.api.security.microsoft.com",
      "description": "Geo endpoint, United Kingdom (mde-api.md §7, [P] S16).",
      "x-region": "uk"
    },
    {
      "url": "https://au.api.security.microsoft.com",
      "description": "Geo endpoint, Australia (mde-api.md §7, [P] S16).",
      "x-region": "au"
    },
    {
      "url": "https://swa.api.security.microsoft.com",
      "description": "Geo endpoint, Switzerland (mde-api.md §7, [P] S16).",
      "x-region": "swa"
    },
    {
      "url": "https://ina.api.security.microsoft.com",
      "description": "Geo endpoint, India (listed on the live unrestrict page; mde-api.md §7, [P] S1).",
      "x-region": "ina"
    },
    {
      "url": "https://api.securitycenter.microsoft.com",
      "description": "Host used by most per-API pages, including unrestrictCodeExecution, and by all token samples (mde-api.md §7, [P] S1, S11).",
      "x-region": "securitycenter"
    },
    {
      "url": "https://api-us.securitycenter.microsoft.com",
      "description": "Older geo endpoint, United States (2021 docs; mde-api.md §7, [P] S26).",
      "x-region": "securitycenter-us"
    },
    {
      "url": "https://api-eu.securitycenter.microsoft.com",
      "description": "Older geo endpoint, Europe (2021 docs; mde-api.md §7, [P] S26).",
      "x-region": "securitycenter-eu"
    },
    {
      "url": "https://api-uk.securitycenter.microsoft.com",
      "description": "Older geo endpoint, United Kingdom (2021 docs; mde-api.md §7, [P] S26).",
      "x-region": "securitycenter-uk"
    },
    {
      "url": "https://api-au.securitycenter.microsoft.com",
      "description": "Older geo endpoint, Australia (2021 docs; mde-api.md §7, [P] S26).",
      "x-region": "securitycenter-au"
    },
    {
      "url": "https://api.securitycenter.windows.com",
      "description": "Legacy host, \"still functional for backward compatibility\", no formal deprecation date (mde-api.md §7, I10).",
      "x-region": "legacy-securitycenter"
    },
    {
      "url": "https://api-gcc.securitycenter.microsoft.us",
      "description": "US Government Community Cloud (GCC) (mde-api.md §7, [P] S17).",
      "x-region": "gcc"
    },
    {
      "url": "https://api-gov.securitycenter.microsoft.us",
      "description": "US Government GCC High and DoD (mde-api.md §7, [P] S17).",
      "x-region": "gcc-high"
    }
  ],
  "security": [
    {
      "oauth2": []
    }
  ],
  "tags": [
    {
      "name": "MachineActions",
      "description": "Response actions on devices (restrict and unrestrict app execution, isolate and release, antivirus scan, investigation package, stop and quarantine a file, offboard) and the machine-action entities they create."
    },
    {
      "name": "Machines",
      "description": "Device entities; a client looks a device up by id or computer DNS name before acting on it."
    }
  ],
  "paths": {
    "/api/machines/{id}/unrestrictCodeExecution": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MachineIdForAction"
        }
      ],
      "post": {
        "operationId": "unrestrictCodeExecution",
        "summary": "Remove app restriction (enable execution of any application on the device)",
        "description": "Creates an `UnrestrictCodeExecution` machine action for the device and answers `201 Created` with\nthe new action in status `Pending` (mde-api.md §1, §2).\n\nWhile an `UnrestrictCodeExecution` action is `Pending` or `InProgress` on the same machine, another\ncall is answered 400 `ActiveRequestAlreadyExists` \"Action is already in progress\" (default policy);\nunder the configurable \"return pending\" policy it is answered 201 with the existing action unchanged.\nA pending `RestrictCodeExecution` does not block an unrestrict (mde-api.md §3 and decisions).\n\nOther HTTP methods on this path get 405 with an empty body and `Allow: POST` (payload 13).\n",
        "tags": [
          "MachineActions"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.RestrictExecution"
          ],
          "delegated": [
            "Machine.RestrictExecution"
          ],
          "userRole": "Active remediation actions",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Duplicate scope (same type + same machine) and the \"return pending\" status 201 are project decisions (mde-api.md §3, decisions \"Duplicates\").",
        "requestBody": {
          "$ref": "#/components/requestBodies/UnrestrictComment"
        },
        "responses": {
          "201": {
            "description": "The action was created (status `Pending`), or, under the \"return pending\" duplicate policy, the existing pending action.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UnrestrictCodeExecutionAction"
                },
                "examples": {
                  "unrestrictPending2026": {
                    "$ref": "#/components/examples/UnrestrictPending2026"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ActionBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenRestrictExecution"
          },
          "404": {
            "$ref": "#/components/responses/MachineNotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowedPostOnly"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machines/{id}/restrictCodeExecution": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MachineIdForAction"
        }
      ],
      "post": {
        "operationId": "restrictCodeExecution",
        "summary": "Restrict app execution (only Microsoft-signed applications may run on the device)",
        "description": "Same contract as `unrestrictCodeExecution` (mde-api.md §8): body `{\"Comment\": \"…\"}`, permission\n`Machine.RestrictExecution`, `201 Created` with a `RestrictCodeExecution` action in status `Pending`,\nthe same duplicate behaviour, 100/min and 1500/h. Other HTTP methods get 405 with `Allow: POST`.\n",
        "tags": [
          "MachineActions"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.RestrictExecution"
          ],
          "delegated": [
            "Machine.RestrictExecution"
          ],
          "userRole": "Active remediation actions",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Duplicate scope (same type + same machine) and the \"return pending\" status 201 are project decisions (mde-api.md §3, decisions \"Duplicates\").",
        "requestBody": {
          "$ref": "#/components/requestBodies/RestrictComment"
        },
        "responses": {
          "201": {
            "description": "The action was created (status `Pending`), or, under the \"return pending\" duplicate policy, the existing pending action.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RestrictCodeExecutionAction"
                },
                "examples": {
                  "restrictPending2026": {
                    "$ref": "#/components/examples/RestrictPending2026"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ActionBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenRestrictExecution"
          },
          "404": {
            "$ref": "#/components/responses/MachineNotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowedPostOnly"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machineactions/{id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MachineActionId"
        }
      ],
      "get": {
        "operationId": "getMachineAction",
        "summary": "Get a machine action by id",
        "description": "Answers `200 OK` with the MachineAction entity (with `@odata.context …#MachineActions/$entity`).\nClients poll this until `status` is one of `Succeeded`, `Failed`, `TimeOut`, `Cancelled`\n(mde-api.md §8). A key that is not a GUID is answered 400 `BadRequest` (payload 10); an unknown GUID\n404 `ResourceNotFound`.\n",
        "tags": [
          "MachineActions"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.Read.All",
            "Machine.ReadWrite.All"
          ],
          "delegated": [
            "Machine.Read",
            "Machine.ReadWrite"
          ],
          "userRole": "View Data",
          "deviceGroupAccess": false
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The docs (mde-api.md §8, S6) name only the 'View Data' role for this call, so no device-group check is declared.",
        "responses": {
          "200": {
            "description": "The machine action.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MachineAction"
                },
                "examples": {
                  "unrestrictPending2026": {
                    "$ref": "#/components/examples/UnrestrictPending2026"
                  },
                  "unrestrictSucceeded": {
                    "$ref": "#/components/examples/UnrestrictSucceeded"
                  }
                }
              }
            }
          },
          "400": {
            "description": "The key is not a GUID (`BadRequest`, recorded wording).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorEnvelope"
                },
                "examples": {
                  "nonGuidKey": {
                    "$ref": "#/components/examples/NonGuidKey"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenMachineRead"
          },
          "404": {
            "$ref": "#/components/responses/MachineActionNotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machineactions": {
      "get": {
        "operationId": "listMachineActions",
        "summary": "List machine actions (OData v4 query)",
        "description": "Answers `200 OK` with `{\"@odata.context\": \"https://{host}/api/$metadata#MachineActions\", \"value\": […]}`\n(mde-api.md §8, S7, S21). Items carry no `@odata.context`.\n\nSupported query options (the simulator's subset of OData v4, parsed by the OData v4 grammar):\n- `$filter`: comparisons combined with `and`, `or`, `not` and parentheses (OData precedence: `not`,\n  then `and`, then `or`); `eq`, `ne` on `id`, `machineId`, `type`, `status`, `requestor`; `eq`, `ne`,\n  `gt`, `ge`, `lt`, `le` on `creationDateTimeUtc`. String literals in single quotes (`''` for a quote,\n  spaces and the words `and`/`or` inside quotes are text), GUIDs bare or quoted, dates as ISO-8601\n  (e.g. `creationDateTimeUtc gt 2026-01-01T00:00:00Z`). Property names match without regard to case\n  (MDEAutomator sends `CreationDateTimeUtc`). XSOAR's `or` lists\n  (`(machineId eq 'a' or machineId eq 'b') and (status eq 'Pending' or status eq 'InProgress')`) work.\n- `$top` (1..10000; \"Maximum page size is 10,000\"), `$skip`, `$count`, `$orderby`.\n\nAnything outside that subset (unknown property, other operator, a function such as `startswith`, a\nmalformed literal, an unknown `$` option, `$top` out of range) is answered 400 `ODataError`.\n",
        "tags": [
          "MachineActions"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.Read.All",
            "Machine.ReadWrite.All"
          ],
          "delegated": [
            "Machine.Read",
            "Machine.ReadWrite"
          ],
          "userRole": "View Data",
          "deviceGroupAccess": false
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-mde-odata-filter": {
          "logical": [
            "and",
            "or",
            "not"
          ],
          "properties": {
            "id": [
              "eq",
              "ne"
            ],
            "machineId": [
              "eq",
              "ne"
            ],
            "type": [
              "eq",
              "ne"
            ],
            "status": [
              "eq",
              "ne"
            ],
            "requestor": [
              "eq",
              "ne"
            ],
            "creationDateTimeUtc": [
              "eq",
              "ne",
              "gt",
              "ge",
              "lt",
              "le"
            ]
          }
        },
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Default order and page size without $top are undocumented (mde-api.md §8); the simulator returns newest first and at most 10000 items. `or`/`not` are not documented but XSOAR sends `or` lists (mde-actions-family.md §10).",
        "parameters": [
          {
            "name": "$filter",
            "in": "query",
            "required": false,
            "description": "OData filter, the subset described on the operation. Its tokens, as the `pattern` checks them\n(parentheses are balanced by the simulator's parser, which a pattern cannot do):\n```\nfilter  = *( \"(\" / \"not \" ) clause *\")\" *( ( \" and \" / \" or \" ) *( \"(\" / \"not \" ) clause *\")\" )\nclause  = ( \"id\" / \"machineId\" / \"type\" / \"status\" / \"requestor\" ) ( \" eq \" / \" ne \" ) ( quoted / guid )\n        / \"creationDateTimeUtc\" ( \" eq \" / \" ne \" / \" gt \" / \" ge \" / \" lt \" / \" le \" ) timestamp\nquoted  = \"'\" *( any character but \"'\" / \"''\" ) \"'\"\ntimestamp = ISO-8601 date-time, bare or quoted (e.g. 2026-01-01T00:00:00Z)\n```\nKeywords in any case, property names camelCase or PascalCase; whitespace around tokens is free;\n`not` binds before `and`, `and` before `or`. Example (XSOAR's `or` lists)\n`(machineId eq '49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9' or machineId eq '1e5bc9d7e413ddd7902c2932e418702b84d0cc07') and status eq 'Pending'`.\nThe simulator answers anything else 400 `ODataError` with a message naming what it refused.\n",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "The service's full grammar is not documented; this is the simulator's subset of Microsoft's filterable properties (mde-api.md §8; `or` as XSOAR sends it, mde-actions-family.md §10), the binding decision for what it accepts.",
            "schema": {
              "type": "string",
              "pattern": "^\\s*(?:\\(\\s*|[Nn][Oo][Tt]\\s+)*(?:(?:[Ii]d|[Mm]achineId|[Tt]ype|[Ss]tatus|[Rr]equestor)\\s+(?:[Ee][Qq]|[Nn][Ee])\\s+(?:'(?:[^']|'')*'|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})|[Cc]reationDateTimeUtc\\s+(?:[Ee][Qq]|[Nn][Ee]|[Gg][Tt]|[Gg][Ee]|[Ll][Tt]|[Ll][Ee])\\s+(?:\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,7})?(?:Z|[+-]\\d{2}:\\d{2})?|'\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,7})?(?:Z|[+-]\\d{2}:\\d{2})?'))(?:\\s*\\))*(?:\\s+(?:[Aa][Nn][Dd]|[Oo][Rr])\\s+(?:\\(\\s*|[Nn][Oo][Tt]\\s+)*(?:(?:[Ii]d|[Mm]achineId|[Tt]ype|[Ss]tatus|[Rr]equestor)\\s+(?:[Ee][Qq]|[Nn][Ee])\\s+(?:'(?:[^']|'')*'|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})|[Cc]reationDateTimeUtc\\s+(?:[Ee][Qq]|[Nn][Ee]|[Gg][Tt]|[Gg][Ee]|[Ll][Tt]|[Ll][Ee])\\s+(?:\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,7})?(?:Z|[+-]\\d{2}:\\d{2})?|'\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,7})?(?:Z|[+-]\\d{2}:\\d{2})?'))(?:\\s*\\))*)*\\s*$"
            },
            "examples": {
              "byMachine": {
                "summary": "All actions on one machine (docs example shape)",
                "value": "machineId eq '49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9'"
              },
              "byRequestorAndType": {
                "summary": "Requestor and type (docs example shape)",
                "value": "requestor eq 'Analyst@contoso.com' and type eq 'RunAntiVirusScan'"
              },
              "pendingSince": {
                "summary": "Pending actions created since a date",
                "value": "status eq 'Pending' and creationDateTimeUtc ge 2026-01-01T00:00:00Z"
              },
              "xsoarOrLists": {
                "summary": "XSOAR's or lists of machines and statuses",
                "value": "(machineId eq '49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9' or machineId eq '1e5bc9d7e413ddd7902c2932e418702b84d0cc07') and (status eq 'Pending' or status eq 'InProgress')"
              }
            }
          },
          {
            "name": "$top",
            "in": "query",
            "required": false,
            "description": "Page size, 1 to 10000 (the docs' \"$stop\" is a typo for `$top`).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 10000
            }
          },
          {
            "name": "$skip",
            "in": "query",
            "required": false,
            "description": "Number of items to skip.",
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          },
          {
            "name": "$count",
            "in": "query",
            "required": false,
            "description": "When `true`, the answer carries `@odata.count`, the number of matching items before `$top`/`$skip` (Kibana sends it, mde-api.md §8 C3).",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "$orderby",
            "in": "query",
            "required": false,
            "description": "One MachineAction property name, optionally followed by ` asc` or ` desc`, e.g. `creationDateTimeUtc desc`.",
            "schema": {
              "type": "string"
            },
            "examples": {
              "newestFirst": {
                "summary": "Newest first (as Kibana sends it)",
                "value": "creationDateTimeUtc desc"
              }
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of machine actions.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MachineActionCollection"
                },
                "examples": {
                  "byMachine": {
                    "$ref": "#/components/examples/CollectionByMachine"
                  },
                  "withCount": {
                    "$ref": "#/components/examples/CollectionWithCount"
                  }
                }
              }
            }
          },
          "400": {
            "description": "The OData query is outside the supported subset or malformed (`ODataError`).",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "The code ODataError is in the docs' table (mde-api.md §4) but no recorded body exists; the message wording is ours.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorEnvelope"
                },
                "examples": {
                  "unsupportedFilter": {
                    "$ref": "#/components/examples/ODataErrorUnsupportedFilter"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenMachineRead"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machineactions/{id}/cancel": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MachineActionId"
        }
      ],
      "post": {
        "operationId": "cancelMachineAction",
        "summary": "Cancel a machine action that is not yet in a final state",
        "description": "Cancels a `Pending` or `InProgress` action and answers `200 OK` (not 201) with the **same** action\n(same id) now in status `Cancelled`, with `cancellationRequestor`, `cancellationComment` and\n`cancellationDateTimeUtc` set (mde-api.md §8, S8; Kibana quirks I9). Cancelling an action already\nin a final state (`Succeeded`, `Failed`, `TimeOut`, `Cancelled`) is answered 400 `InvalidInput`.\nBody errors follow the same rules as the action endpoints. Other HTTP methods get 405 with\n`Allow: POST`.\n\nAny one of the seven action permissions suffices; the order of `x-mde-permissions.application` is\nthe order the server lists them in its 403 message (2021 capture, payload 15).\n",
        "tags": [
          "MachineActions"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.Isolate",
            "Machine.CollectForensics",
            "Machine.Scan",
            "Machine.RestrictExecution",
            "Machine.StopAndQuarantine",
            "Machine.Offboard",
            "Machine.LiveResponse"
          ],
          "delegated": [
            "Machine.Isolate",
            "Machine.CollectForensics",
            "Machine.Scan",
            "Machine.RestrictExecution",
            "Machine.StopAndQuarantine",
            "Machine.Offboard",
            "Machine.LiveResponse"
          ],
          "userRole": "Active remediation actions",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The answer to cancelling a finished action and the delegated role/device-group rule for cancel are not documented (mde-api.md §8, open questions).",
        "requestBody": {
          "$ref": "#/components/requestBodies/CancelComment"
        },
        "responses": {
          "200": {
            "description": "The action, now `Cancelled` (same id as before).",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MachineAction"
                },
                "examples": {
                  "unrestrictCancelled": {
                    "$ref": "#/components/examples/UnrestrictCancelled"
                  }
                }
              }
            }
          },
          "400": {
            "description": "The body is wrong (same rules as the action endpoints), the key is not a GUID, or the action is\nalready in a final state.\n",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "Body-error codes are project decisions; the non-GUID answer is copied from GET machineactions (payload 10); the final-state answer mirrors payload 11's InvalidInput.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorEnvelope"
                },
                "examples": {
                  "invalidRequestBody": {
                    "$ref": "#/components/examples/InvalidRequestBody"
                  },
                  "missingComment": {
                    "$ref": "#/components/examples/MissingComment"
                  },
                  "emptyComment": {
                    "$ref": "#/components/examples/EmptyComment"
                  },
                  "nonGuidKey": {
                    "$ref": "#/components/examples/NonGuidKey"
                  },
                  "alreadyFinal": {
                    "$ref": "#/components/examples/CancelAlreadyFinal"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenCancel"
          },
          "404": {
            "$ref": "#/components/responses/MachineActionNotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowedPostOnly"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machines/{id}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MachineIdOrName"
        }
      ],
      "get": {
        "operationId": "getMachine",
        "summary": "Get a machine by device id or computer DNS name",
        "description": "Answers `200 OK` with the Machine entity (`@odata.context …#Machines/$entity`), or 404\n`ResourceNotFound` \"Machine {id} was not found\" (mde-api.md §8, S18; payload 16).\n",
        "tags": [
          "Machines"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.Read.All",
            "Machine.ReadWrite.All"
          ],
          "delegated": [
            "Machine.Read",
            "Machine.ReadWrite"
          ],
          "userRole": "View Data",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "responses": {
          "200": {
            "description": "The machine.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Machine"
                },
                "examples": {
                  "windows10Desktop2023": {
                    "$ref": "#/components/examples/Machine2023"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenMachineRead"
          },
          "404": {
            "$ref": "#/components/responses/MachineNotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machines/{id}/isolate": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MachineIdForAction"
        }
      ],
      "post": {
        "operationId": "isolateMachine",
        "summary": "Isolate a device from the network (the device keeps its connection to the MDE service)",
        "description": "Creates an `Isolate` machine action and answers `201 Created` with it in status `Pending`\n(mde-actions-family.md §1; payload 04). `scope` is the `IsolationType` sent (`Full`, `Selective`,\n`UnManagedDevice`), or null when none was sent (payload 04 has `scope: null`).\n\nWhen the action succeeds the device is isolated with that type (`Full` when none was sent); the\ncontrol API shows it as the machine's `sim.isolation`. The Machine entity has no isolation field\n(payload 16), so clients read isolation from the actions, as they do against the service.\n\nNo duplicate rule is documented for isolate, and a user report shows a second isolate accepted while\nthe first was pending (mde-actions-family.md §1, I1 #5903): a second isolate is answered 201 with a\nnew action. Isolating an isolated device is answered 201 too and succeeds (the isolation type becomes\nthe new one). Other HTTP methods get 405 with `Allow: POST`.\n",
        "tags": [
          "MachineActions"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.Isolate"
          ],
          "delegated": [
            "Machine.Isolate"
          ],
          "userRole": "Active remediation actions",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The answer to isolating an isolated or pending-isolation device and the default when IsolationType is omitted are not documented (mde-actions-family.md open questions 1-3); a second isolate creating a new action follows the user report I1.",
        "requestBody": {
          "$ref": "#/components/requestBodies/IsolateBody"
        },
        "responses": {
          "201": {
            "description": "The action was created (status `Pending`).",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IsolateAction"
                },
                "examples": {
                  "isolatePending2026": {
                    "$ref": "#/components/examples/IsolatePending2026"
                  },
                  "isolateFullPending": {
                    "$ref": "#/components/examples/IsolateFullPending"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/IsolateBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenIsolate"
          },
          "404": {
            "$ref": "#/components/responses/MachineNotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowedPostOnly"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machines/{id}/unisolate": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MachineIdForAction"
        }
      ],
      "post": {
        "operationId": "unisolateMachine",
        "summary": "Release a device from isolation",
        "description": "Creates an `Unisolate` machine action (`scope: null`) and answers `201 Created` (mde-actions-family.md\n§2; payload 03). While an `Unisolate` is `Pending` or `InProgress` on the device, another is answered\n400 `ActiveRequestAlreadyExists` \"Action is already in progress\" (documented); a pending isolate does\nnot block it. When it succeeds the device is no longer isolated. Releasing a device that is not\nisolated is answered 201 and the action succeeds without effect. Other methods get 405.\n",
        "tags": [
          "MachineActions"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.Isolate"
          ],
          "delegated": [
            "Machine.Isolate"
          ],
          "userRole": "Active remediation actions",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Unisolating a device that is not isolated is not documented and no report was found (mde-actions-family.md §2, open question 2); the service creates actions without checking the device (I4), so 201 and a no-op success.",
        "requestBody": {
          "$ref": "#/components/requestBodies/UnisolateComment"
        },
        "responses": {
          "201": {
            "description": "The action was created (status `Pending`), or, under the \"return pending\" duplicate policy, the existing pending action.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UnisolateAction"
                },
                "examples": {
                  "unisolatePending2026": {
                    "$ref": "#/components/examples/UnisolatePending2026"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ActionBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenIsolate"
          },
          "404": {
            "$ref": "#/components/responses/MachineNotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowedPostOnly"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machines/{id}/runAntiVirusScan": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MachineIdForAction"
        }
      ],
      "post": {
        "operationId": "runAntiVirusScan",
        "summary": "Run a Microsoft Defender Antivirus scan on a device",
        "description": "Creates a `RunAntiVirusScan` machine action whose `scope` is the `ScanType` (`Quick` or `Full`) and\nanswers `201 Created` (mde-actions-family.md §3). A second scan while one is `Pending` or `InProgress`\nis answered 400 `ActiveRequestAlreadyExists` (documented). When it succeeds the control API shows the\nscan as the machine's `sim.lastAntivirusScan`. A `ScanType` outside the enum is answered 400\n`InvalidInput` \"Invalid input ScanType.\". Other methods get 405.\n",
        "tags": [
          "MachineActions"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.Scan"
          ],
          "delegated": [
            "Machine.Scan"
          ],
          "userRole": "Active remediation actions",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The error for an invalid ScanType is not documented (mde-actions-family.md §3); it follows the body-error decisions.",
        "requestBody": {
          "$ref": "#/components/requestBodies/ScanBody"
        },
        "responses": {
          "201": {
            "description": "The action was created (status `Pending`), or, under the \"return pending\" duplicate policy, the existing pending action.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RunAntiVirusScanAction"
                },
                "examples": {
                  "quickScanPending": {
                    "$ref": "#/components/examples/ScanPending"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ScanBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenScan"
          },
          "404": {
            "$ref": "#/components/responses/MachineNotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowedPostOnly"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machines/{id}/collectInvestigationPackage": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MachineIdForAction"
        }
      ],
      "post": {
        "operationId": "collectInvestigationPackage",
        "summary": "Collect an investigation package from a device",
        "description": "Creates a `CollectInvestigationPackage` machine action (`scope: null`) and answers `201 Created`\n(mde-actions-family.md §4). \"If a collection is already running, this returns 400 Bad Request\": the\nsimulator answers `ActiveRequestAlreadyExists` \"Action is already in progress\", as for the other\nactions. Once the action `Succeeded`, `GET /api/machineactions/{id}/getPackageUri` gives a link to\nthe package. Delegated callers need the 'Alerts Investigation' role (not 'Active remediation\nactions'). Other methods get 405.\n",
        "tags": [
          "MachineActions"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.CollectForensics"
          ],
          "delegated": [
            "Machine.CollectForensics"
          ],
          "userRole": "Alerts Investigation",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The docs give only \"400 Bad Request\" for a running collection, without code or message (mde-actions-family.md §4); the simulator uses the family's duplicate answer.",
        "requestBody": {
          "$ref": "#/components/requestBodies/CollectComment"
        },
        "responses": {
          "201": {
            "description": "The action was created (status `Pending`), or, under the \"return pending\" duplicate policy, the existing pending action.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CollectInvestigationPackageAction"
                },
                "examples": {
                  "collectPending": {
                    "$ref": "#/components/examples/CollectPending"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ActionBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenCollect"
          },
          "404": {
            "$ref": "#/components/responses/MachineNotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowedPostOnly"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machineactions/{id}/getPackageUri": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MachineActionId"
        }
      ],
      "get": {
        "operationId": "getPackageUri",
        "summary": "Get a short-lived download link to an investigation package",
        "description": "For a `CollectInvestigationPackage` action that `Succeeded`, answers `200 OK` with\n`{\"@odata.context\": \"https://{host}/api/$metadata#Edm.String\", \"value\": \"<URL>\"}` (mde-actions-family.md\n§5). The URL points at the listener that was called:\n`https://{host}/safedownload/WDATP_Investigation_Package.zip?token=<token>`; a `GET` of it returns\na real zip (`application/zip`). The link is valid for 10 minutes of simulator time; after that the\ndownload is refused as Azure Storage refuses an expired signature (403 `AuthenticationFailed`, XML).\n\nThe route matches case-insensitively (the docs write `GetPackageUri`, consumers both spellings).\nA key that is not a GUID → 400 `BadRequest` (payload 10); an action of another type → 400\n`InvalidInput` \"Provided Guid is not a valid id for a CollectInvestigationPackage action\"\n(payload 11); an unknown action, or a collection that has not succeeded (yet) → 404.\n\nQuota: **2 calls per minute and 120 per hour** (unlike the rest of the family). Applications need\n`Machine.Read.All` or `Machine.ReadWrite.All`, not `Machine.CollectForensics`; delegated callers need\n`Machine.CollectForensics` and the 'Alerts Investigation' role.\n",
        "tags": [
          "MachineActions"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.Read.All",
            "Machine.ReadWrite.All"
          ],
          "delegated": [
            "Machine.CollectForensics"
          ],
          "userRole": "Alerts Investigation",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 2,
            "windowSeconds": 60
          },
          {
            "limit": 120,
            "windowSeconds": 3600
          }
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The link lifetime, the 404 body and the answer for a failed collection are not documented (mde-actions-family.md §5, open question 6); the doc example's value string carries escaped quotes, which the simulator does not copy.",
        "responses": {
          "200": {
            "description": "The download link.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PackageUri"
                },
                "examples": {
                  "packageUri": {
                    "$ref": "#/components/examples/PackageUri"
                  }
                }
              }
            }
          },
          "400": {
            "description": "The key is not a GUID (payload 10), or the action is not a package collection (payload 11).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorEnvelope"
                },
                "examples": {
                  "notAPackageAction": {
                    "$ref": "#/components/examples/NotAPackageAction"
                  },
                  "nonGuidKey": {
                    "$ref": "#/components/examples/NonGuidKey"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenMachineRead"
          },
          "404": {
            "description": "No action with that GUID, or the collection has not succeeded (yet).",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "The docs say 404 for a collection that is not complete without a body (mde-actions-family.md §5); code and wording are ours.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorEnvelope"
                },
                "examples": {
                  "packageNotReady": {
                    "$ref": "#/components/examples/PackageNotReady"
                  },
                  "machineActionNotFound": {
                    "$ref": "#/components/examples/MachineActionNotFound"
                  }
                }
              }
            }
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machines/{id}/StopAndQuarantineFile": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MachineIdForAction"
        }
      ],
      "post": {
        "operationId": "stopAndQuarantineFile",
        "summary": "Stop the execution of a file on a device and quarantine it",
        "description": "Creates a `StopAndQuarantineFile` action with `relatedFileInfo: {\"fileIdentifier\": \"<Sha1>\",\n\"fileIdentifierType\": \"Sha1\"}` and answers `201 Created` (mde-actions-family.md §6). The route matches\ncase-insensitively (XSOAR sends `stopAndQuarantineFile`). When it succeeds the file is in the\nmachine's `sim.quarantinedFiles`.\n\nA `Sha1` that is not 40 hexadecimal characters is answered with the recorded 400 `BadRequest` \"A\nrecognition error occurred.. Fix syntax errors in your query.\" (payload 12; its trigger was not\nrecorded). A hash the device never saw (`sim.files`, when the seed lists them) is answered 404\n`ResourceNotFound` \"Sha1 {sha1} was not found in machine {machineId}\" (recorded body, I9). A second\nquarantine of the same file while one is active → 400 `ActiveRequestAlreadyExists`.\n",
        "tags": [
          "MachineActions"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.StopAndQuarantine"
          ],
          "delegated": [
            "Machine.StopAndQuarantine"
          ],
          "userRole": "Active remediation actions",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The docs list Machine.Read.All/ReadWrite.All as alternatives while a 2021 report needed both (mde-actions-family.md §6, I6); the simulator requires Machine.StopAndQuarantine. The trigger of payload 12, the status of the not-found answer and the duplicate rule are not documented.",
        "requestBody": {
          "$ref": "#/components/requestBodies/StopAndQuarantineBody"
        },
        "responses": {
          "201": {
            "description": "The action was created (status `Pending`), or, under the \"return pending\" duplicate policy, the existing pending action.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/StopAndQuarantineFileAction"
                },
                "examples": {
                  "quarantinePending": {
                    "$ref": "#/components/examples/QuarantinePending"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/QuarantineBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenQuarantine"
          },
          "404": {
            "description": "No machine with that id, or the device never saw that file.",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "The file body is recorded (I9) but its status was not shown.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorEnvelope"
                },
                "examples": {
                  "fileNotFound": {
                    "$ref": "#/components/examples/FileNotOnMachine"
                  },
                  "machineNotFound": {
                    "$ref": "#/components/examples/MachineNotFound"
                  }
                }
              }
            }
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowedPostOnly"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machines/{id}/offboard": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MachineIdForAction"
        }
      ],
      "post": {
        "operationId": "offboardMachine",
        "summary": "Offboard a device from Defender for Endpoint",
        "description": "Creates an `Offboard` machine action and answers **`201 Created`** (payloads 05, 06: every recorded\nanswer; the docs' \"200 - Created\" came from API Explorer, mde-actions-family.md §7). When it\nsucceeds the sensor stops: the device goes offline (later actions stay `Pending` and end `TimeOut`),\n`onboardingStatus` stays `Onboarded` (as observed, I2) and `healthStatus` becomes `Inactive` 7 days\nlater (I5). A second offboard while one is active → 400 `ActiveRequestAlreadyExists`.\n",
        "tags": [
          "MachineActions"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.Offboard"
          ],
          "delegated": [
            "Machine.Offboard"
          ],
          "userRole": "Active remediation actions",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The delegated role is only \"an appropriate role\" in the docs; the duplicate rule and the fate of later actions on an offboarded device are not documented (mde-actions-family.md §7, open questions 3-5).",
        "requestBody": {
          "$ref": "#/components/requestBodies/OffboardComment"
        },
        "responses": {
          "201": {
            "description": "The action was created (status `Pending`), or, under the \"return pending\" duplicate policy, the existing pending action.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OffboardAction"
                },
                "examples": {
                  "offboardPending2024": {
                    "$ref": "#/components/examples/OffboardPending2024"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/ActionBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOffboard"
          },
          "404": {
            "$ref": "#/components/responses/MachineNotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowedPostOnly"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machines": {
      "get": {
        "operationId": "listMachines",
        "summary": "List machines (OData v4 query)",
        "description": "Answers `200 OK` with `{\"@odata.context\": \"https://{host}/api/$metadata#Machines\", \"value\": […]}`\n(mde-actions-family.md §8). Items carry no `@odata.context`. Delegated callers see only the machines\nof their device groups. The `$filter` grammar is the one of `GET /api/machineactions`, on the\nproperties `x-mde-odata-filter` lists: comparisons `eq ne gt ge lt le`, `and`, `or`, `not`,\nparentheses, quoted strings (`''` for a quote), GUIDs, numbers and ISO-8601 date-times, and the\ndocs' `startswith(computerDnsName,'mymachine')` (case-insensitive, as the comparisons); `$top`\n(1..10000), `$skip`, `$count`, `$orderby`. A tenant with no machines at all is answered 404, as\nthe docs say (\"If there are no recent machines\"); a filter matching nothing is 200 with an empty\n`value`.\n",
        "tags": [
          "Machines"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.Read.All",
            "Machine.ReadWrite.All"
          ],
          "delegated": [
            "Machine.Read",
            "Machine.ReadWrite"
          ],
          "userRole": "View Data",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-mde-odata-filter": {
          "logical": [
            "and",
            "or",
            "not"
          ],
          "properties": {
            "id": [
              "eq",
              "ne"
            ],
            "computerDnsName": [
              "eq",
              "ne",
              "startswith"
            ],
            "version": [
              "eq",
              "ne"
            ],
            "deviceValue": [
              "eq",
              "ne"
            ],
            "aadDeviceId": [
              "eq",
              "ne"
            ],
            "machineTags": [
              "eq",
              "ne"
            ],
            "lastSeen": [
              "eq",
              "ne",
              "gt",
              "ge",
              "lt",
              "le"
            ],
            "exposureLevel": [
              "eq",
              "ne"
            ],
            "onboardingStatus": [
              "eq",
              "ne"
            ],
            "lastIpAddress": [
              "eq",
              "ne"
            ],
            "healthStatus": [
              "eq",
              "ne"
            ],
            "osPlatform": [
              "eq",
              "ne"
            ],
            "riskScore": [
              "eq",
              "ne"
            ],
            "rbacGroupId": [
              "eq",
              "ne",
              "gt",
              "ge",
              "lt",
              "le"
            ]
          }
        },
        "x-fidelity": "inferred",
        "x-fidelity-reason": "`or`/`not` and the paging defaults are not documented for machines (mde-actions-family.md §8); `machineTags eq` matches a machine carrying that tag; `startswith` is documented on computerDnsName only (D12), its case-insensitivity is inferred; other functions (`contains`, `endswith`, `in`, `any`) are refused.",
        "parameters": [
          {
            "$ref": "#/components/parameters/ODataFilterMachines"
          },
          {
            "$ref": "#/components/parameters/ODataTop"
          },
          {
            "$ref": "#/components/parameters/ODataSkip"
          },
          {
            "$ref": "#/components/parameters/ODataCount"
          },
          {
            "$ref": "#/components/parameters/ODataOrderByMachines"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of machines.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MachineCollection"
                },
                "examples": {
                  "activeOnboarded": {
                    "$ref": "#/components/examples/MachineCollectionExample"
                  }
                }
              }
            }
          },
          "400": {
            "description": "The OData query is outside the supported subset or malformed (`ODataError`).",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "The OData library's own envelope (empty code, details) is recorded once without status (mde-actions-family.md §8); the simulator keeps MDE's envelope with ODataError, as for machine actions.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorEnvelope"
                },
                "examples": {
                  "unsupportedProperty": {
                    "$ref": "#/components/examples/ODataErrorMachines"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenMachineRead"
          },
          "404": {
            "description": "The tenant has no machines at all (\"If there are no recent machines, you see 404 Not Found\").",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "The docs give only the status (mde-actions-family.md §8); code and wording are ours.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorEnvelope"
                },
                "examples": {
                  "noMachines": {
                    "$ref": "#/components/examples/NoMachines"
                  }
                }
              }
            }
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    },
    "/api/machines/findbyip(ip='{ip}',timestamp={timestamp})": {
      "parameters": [
        {
          "name": "ip",
          "in": "path",
          "required": true,
          "description": "The internal IP address, as the docs write it between single quotes.",
          "schema": {
            "type": "string"
          },
          "examples": {
            "docsExample": {
              "value": "10.248.240.38"
            }
          }
        },
        {
          "name": "timestamp",
          "in": "path",
          "required": true,
          "description": "An ISO-8601 UTC time within the last 30 days (unquoted).",
          "schema": {
            "type": "string"
          },
          "examples": {
            "docsExample": {
              "value": "2019-09-22T08:44:05Z"
            }
          }
        }
      ],
      "get": {
        "operationId": "findMachinesByIp",
        "summary": "Find machines seen with an internal IP address around a time",
        "description": "Machines whose `lastIpAddress` or one of whose `ipAddresses` is the IP, seen (`lastSeen`) within 15\nminutes before or after the timestamp (mde-actions-family.md §9). Answers `200 OK` with a Machines\ncollection, `value` empty when none matched. A timestamp older than 30 days, in the future of the\nsimulator clock by more than 15 minutes, or not a date → 400 `InvalidInput`. This path is matched\nbefore `GET /api/machines/{id}`. Quotes may be sent as `%27`.\n",
        "tags": [
          "Machines"
        ],
        "x-mde-permissions": {
          "application": [
            "Machine.Read.All",
            "Machine.ReadWrite.All"
          ],
          "delegated": [
            "Machine.Read",
            "Machine.ReadWrite"
          ],
          "userRole": "View Data",
          "deviceGroupAccess": true
        },
        "x-mde-rate-limits": [
          {
            "limit": 100,
            "windowSeconds": 60
          },
          {
            "limit": 1500,
            "windowSeconds": 3600
          }
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The IP history of a device is not simulated (its current addresses and lastSeen stand for it); the 400 body and the no-match answer are not documented (mde-actions-family.md §9).",
        "responses": {
          "200": {
            "description": "The machines seen with that IP around that time.",
            "headers": {
              "OData-Version": {
                "$ref": "#/components/headers/ODataVersion"
              },
              "mise-correlation-id": {
                "$ref": "#/components/headers/MiseCorrelationId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MachineCollection"
                },
                "examples": {
                  "oneMachine": {
                    "$ref": "#/components/examples/MachineCollectionExample"
                  }
                }
              }
            }
          },
          "400": {
            "description": "The timestamp is not a date, or not within the last 30 days.",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "The docs give only \"400 Bad Request\" (mde-actions-family.md §9).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorEnvelope"
                },
                "examples": {
                  "tooOld": {
                    "$ref": "#/components/examples/FindByIpTooOld"
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenMachineRead"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "oauth2": {
        "type": "oauth2",
        "description": "Microsoft Entra ID (Azure AD) OAuth 2.0. The real token endpoint is tenant-specific:\n`https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token` (GCC High and DoD:\n`login.microsoftonline.us`); OpenAPI 3.1 requires a concrete URL, so the flows name the `common`\nauthority; replace `common` by the tenant id (client credentials require it).\n\nApplication (client-credentials) tokens: request one of the `.default` scopes below; the token's\n`roles` claim carries the application permissions. Delegated (authorization-code) tokens: the\n`scp` claim carries the delegated permissions (space-separated, short names such as\n`Machine.RestrictExecution`). Tokens are v1.0 access tokens: `iss` = `https://sts.windows.net/{tid}/`,\n`aud` one of `x-mde-audiences`, `tid` = tenant, `appid` = client id; lifetime about one hour\n(mde-api.md §6; payload 20).\n",
        "flows": {
          "clientCredentials": {
            "tokenUrl": "https://login.microsoftonline.com/common/oauth2/v2.0/token",
            "scopes": {
              "https://api.securitycenter.microsoft.com/.default": "All application permissions granted to the app (the scope in Microsoft's samples; token aud https://api.securitycenter.microsoft.com).",
              "https://api.security.microsoft.com/.default": "All application permissions granted to the app (token aud https://api.security.microsoft.com).",
              "https://securitycenter.onmicrosoft.com/windowsatpservice/.default": "All application permissions granted to the app (app-id-URI form used by the curl sample and Kibana)."
            }
          },
          "authorizationCode": {
            "authorizationUrl": "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
            "tokenUrl": "https://login.microsoftonline.com/common/oauth2/v2.0/token",
            "scopes": {
              "https://api.securitycenter.microsoft.com/Machine.RestrictExecution": "Restrict code execution (delegated; scp Machine.RestrictExecution).",
              "https://api.securitycenter.microsoft.com/Machine.Read": "Read machine information (delegated; scp Machine.Read).",
              "https://api.securitycenter.microsoft.com/Machine.ReadWrite": "Read and write machine information (delegated; scp Machine.ReadWrite).",
              "https://api.securitycenter.microsoft.com/Machine.Isolate": "Isolate machine (delegated; scp Machine.Isolate).",
              "https://api.securitycenter.microsoft.com/Machine.CollectForensics": "Collect forensics (delegated; scp Machine.CollectForensics).",
              "https://api.securitycenter.microsoft.com/Machine.Scan": "Scan machine (delegated; scp Machine.Scan).",
              "https://api.securitycenter.microsoft.com/Machine.Offboard": "Offboard machine (delegated; scp Machine.Offboard).",
              "https://api.securitycenter.microsoft.com/Machine.StopAndQuarantine": "Stop and quarantine file (delegated; scp Machine.StopAndQuarantine).",
              "https://api.securitycenter.microsoft.com/Machine.LiveResponse": "Run live response (delegated; scp Machine.LiveResponse)."
            }
          }
        }
      }
    },
    "parameters": {
      "MachineIdForAction": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "The MDE device id, 40 hexadecimal characters (e.g. `1e5bc9d7e413ddd7902c2932e418702b84d0cc07`).\nUnlike `GET /api/machines/{id}`, the action endpoints do not resolve a computer DNS name: an id that\nnames no machine is answered 404 `ResourceNotFound`.\n",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "No evidence either way that action POSTs accept a DNS name (mde-api.md §1 \"Computer-name in action path\").",
        "schema": {
          "type": "string"
        },
        "examples": {
          "docsExample": {
            "value": "1e5bc9d7e413ddd7902c2932e418702b84d0cc07"
          }
        }
      },
      "MachineIdOrName": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "The MDE device id (40 hex characters) or the device's computer DNS name (mde-api.md §8, S18).",
        "schema": {
          "type": "string"
        },
        "examples": {
          "deviceId": {
            "value": "556b3952acb0bff29816d267822305781cc183ec"
          },
          "computerDnsName": {
            "value": "se-pov-desktop"
          }
        }
      },
      "MachineActionId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "The machine-action id, a GUID. Declared as a plain string on purpose: a key that is not a GUID must\nreach the operation, which answers 400 `BadRequest` with MDE's own wording (payload 10).\n",
        "schema": {
          "type": "string"
        },
        "examples": {
          "guid": {
            "value": "8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a"
          }
        }
      },
      "ODataFilterMachines": {
        "name": "$filter",
        "in": "query",
        "required": false,
        "description": "OData filter on the properties the operation's `x-mde-odata-filter` lists (grammar on the operation).",
        "schema": {
          "type": "string"
        },
        "examples": {
          "activeOnboarded": {
            "summary": "MDEAutomator's inventory filter",
            "value": "onboardingStatus eq 'Onboarded' and healthStatus eq 'Active'"
          },
          "byName": {
            "summary": "A lookup by computer DNS name (TheHive, XSOAR)",
            "value": "computerDnsName eq 'fin-laptop-017.contoso-demo.local'"
          },
          "highRisk": {
            "summary": "Docs sample",
            "value": "riskScore eq 'High'"
          }
        }
      },
      "ODataTop": {
        "name": "$top",
        "in": "query",
        "required": false,
        "description": "Page size, 1 to 10000 (\"Maximum page size is 10,000\").",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 10000
        }
      },
      "ODataSkip": {
        "name": "$skip",
        "in": "query",
        "required": false,
        "description": "Number of items to skip.",
        "schema": {
          "type": "integer",
          "minimum": 0
        }
      },
      "ODataCount": {
        "name": "$count",
        "in": "query",
        "required": false,
        "description": "When `true`, the answer carries `@odata.count`, the number of matching items before `$top`/`$skip`.",
        "schema": {
          "type": "boolean"
        }
      },
      "ODataOrderByMachines": {
        "name": "$orderby",
        "in": "query",
        "required": false,
        "description": "One filterable property, optionally followed by ` asc` or ` desc`, e.g. `lastSeen desc`.",
        "schema": {
          "type": "string"
        },
        "examples": {
          "lastSeen": {
            "value": "lastSeen desc"
          }
        }
      }
    },
    "requestBodies": {
      "UnrestrictComment": {
        "required": true,
        "description": "`{\"Comment\": \"…\"}`; `Comment` is required (see the `ActionRequest` schema for the 400 rules).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ActionRequest"
            },
            "examples": {
              "docsExample": {
                "summary": "The example on Microsoft's page (mde-api.md §1)",
                "value": {
                  "Comment": "Unrestrict code execution since machine was cleaned and validated"
                }
              },
              "pingIdentity2026": {
                "summary": "The comment behind payload 01",
                "value": {
                  "Comment": "Device cleared, removing app restriction"
                }
              }
            }
          }
        }
      },
      "RestrictComment": {
        "required": true,
        "description": "`{\"Comment\": \"…\"}`; `Comment` is required (see the `ActionRequest` schema for the 400 rules).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ActionRequest"
            },
            "examples": {
              "pingIdentity2026": {
                "summary": "The comment behind payload 02",
                "value": {
                  "Comment": "Restrict app execution due to suspicious activity"
                }
              }
            }
          }
        }
      },
      "CancelComment": {
        "required": true,
        "description": "`{\"Comment\": \"…\"}`. Microsoft's page does not mark it required, Microsoft's connector schema does\n(mde-api.md §8, C7); the simulator requires it, with the same 400 rules as the action endpoints.\n",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Sources disagree on whether Comment is required for cancel (mde-api.md §8, S8 vs C7); we follow the connector schema.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ActionRequest"
            },
            "examples": {
              "stuckAction": {
                "summary": "Force-clearing a stuck action (as Kibana does)",
                "value": {
                  "Comment": "Cancelled because it is stuck"
                }
              }
            }
          }
        }
      },
      "IsolateBody": {
        "required": true,
        "description": "`{\"Comment\": \"…\", \"IsolationType\": \"Full\"}`; `Comment` is required, `IsolationType` is optional (see `IsolateRequest`).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/IsolateRequest"
            },
            "examples": {
              "docsExample": {
                "summary": "The example on Microsoft's page (mde-actions-family.md §1)",
                "value": {
                  "Comment": "Isolate machine due to alert 1234",
                  "IsolationType": "Full"
                }
              },
              "pingIdentity2026": {
                "summary": "The comment behind payload 04 (its IsolationType is unknown)",
                "value": {
                  "Comment": "Isolate device due to alert 1234"
                }
              }
            }
          }
        }
      },
      "UnisolateComment": {
        "required": true,
        "description": "`{\"Comment\": \"…\"}`; `Comment` is required (see the `ActionRequest` schema for the 400 rules).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ActionRequest"
            },
            "examples": {
              "pingIdentity2026": {
                "summary": "The comment behind payload 03",
                "value": {
                  "Comment": "Device cleared, releasing from isolation"
                }
              }
            }
          }
        }
      },
      "ScanBody": {
        "required": true,
        "description": "`{\"Comment\": \"…\", \"ScanType\": \"Quick\"}`; both are required (see `ScanRequest`).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ScanRequest"
            },
            "examples": {
              "docsExample": {
                "summary": "The example on Microsoft's page (mde-actions-family.md §3)",
                "value": {
                  "Comment": "Check machine for viruses due to alert 3212",
                  "ScanType": "Full"
                }
              }
            }
          }
        }
      },
      "CollectComment": {
        "required": true,
        "description": "`{\"Comment\": \"…\"}`; `Comment` is required (see the `ActionRequest` schema for the 400 rules).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ActionRequest"
            },
            "examples": {
              "docsExample": {
                "summary": "The example on Microsoft's page (mde-actions-family.md §4)",
                "value": {
                  "Comment": "Collect forensics due to alert 1234"
                }
              }
            }
          }
        }
      },
      "StopAndQuarantineBody": {
        "required": true,
        "description": "`{\"Comment\": \"…\", \"Sha1\": \"<40 hex>\"}`; both are required (see `StopAndQuarantineRequest`).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/StopAndQuarantineRequest"
            },
            "examples": {
              "docsExample": {
                "summary": "The example on Microsoft's page (mde-actions-family.md §6)",
                "value": {
                  "Comment": "Stop and quarantine file on machine due to alert 441688558380765161_2136280442",
                  "Sha1": "87662bc3d60e4200ceaf7aae249d1c343f4b83c9"
                }
              }
            }
          }
        }
      },
      "OffboardComment": {
        "required": true,
        "description": "`{\"Comment\": \"…\"}`; required: without it the docs say the call \"errors out with code 400\".",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ActionRequest"
            },
            "examples": {
              "mdeApiReadme2024": {
                "summary": "The comment behind payload 05",
                "value": {
                  "Comment": "Offboard machine by automation"
                }
              }
            }
          }
        }
      }
    },
    "headers": {
      "ODataVersion": {
        "description": "OData protocol version of a success body (payloads 16, 17).",
        "required": true,
        "schema": {
          "type": "string",
          "const": "4.0"
        }
      },
      "MiseCorrelationId": {
        "description": "Correlation id (a GUID) seen on success answers since 2025 (payload 17).",
        "required": false,
        "schema": {
          "type": "string",
          "format": "uuid"
        }
      },
      "RetryAfter": {
        "description": "Whole seconds, rounded up, until the call would be admitted; a client that waits exactly that long succeeds (mde-api.md §5, S9; decisions \"Window\").",
        "required": true,
        "schema": {
          "type": "integer",
          "minimum": 1
        }
      },
      "RetryAfterOptional": {
        "description": "Seconds to wait before retrying, when the injected fault sets one.",
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 0
        }
      },
      "AllowPost": {
        "description": "The only method the path accepts (payload 13).",
        "required": true,
        "schema": {
          "type": "string",
          "const": "POST"
        }
      }
    },
    "responses": {
      "ActionBadRequest": {
        "description": "400 on an action POST. Duplicate: `ActiveRequestAlreadyExists` \"Action is already in progress\".\nBody rules, applied in this order:\n1. unparsable JSON, an empty body, a JSON value that is not an object, or a `Comment` that is not a\n   string → `InvalidRequestBody` \"Request body is incorrect\" (any schema violation of the body\n   maps here);\n2. no `Comment` key (the key is case-sensitive: `comment` does not count) →\n   `MissingRequiredParameter` \"Parameter Comment is missing.\";\n3. `Comment` is the empty string → `InvalidInput` \"Invalid input Comment.\".\n",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "No recorded body for any of these 400s; codes and messages are the project decisions (mde-api.md §1, §3, decisions \"Body errors\").",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "activeRequestAlreadyExists": {
                "$ref": "#/components/examples/ActiveRequestAlreadyExists"
              },
              "invalidRequestBody": {
                "$ref": "#/components/examples/InvalidRequestBody"
              },
              "missingComment": {
                "$ref": "#/components/examples/MissingComment"
              },
              "emptyComment": {
                "$ref": "#/components/examples/EmptyComment"
              }
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Missing, malformed, badly signed, expired or not-yet-valid token, or a wrong issuer. No\n`WWW-Authenticate` header is declared (no evidence either way).\n",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Only the docs' code table gives the code and message; no 401 body was ever captured (mde-api.md §4, decisions \"401\").",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "unauthorized": {
                "$ref": "#/components/examples/Unauthorized"
              }
            }
          }
        }
      },
      "ForbiddenRestrictExecution": {
        "description": "Valid token without the permission. App tokens: `Missing application roles. API required roles:\n<required roles joined with \",\">, application roles: <the token's roles joined with \",\">.` (2026\nwording; the 2021 wording is available by configuration). Delegated tokens: missing scope, missing\n'Active remediation actions' role or no access to the machine's device group, each with its own\nmessage. A valid token for another audience gets the docs' generic Forbidden message.\n",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The app wording is recorded for another API (payload 14) and applied here; the delegated and wrong-audience messages are ours (mde-api.md §4, decisions \"403\").",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "missingApplicationRole": {
                "$ref": "#/components/examples/ForbiddenAppRestrictExecution"
              },
              "missingApplicationRoleLegacy": {
                "$ref": "#/components/examples/ForbiddenAppRestrictExecutionLegacy"
              },
              "missingDelegatedScope": {
                "$ref": "#/components/examples/ForbiddenDelegatedScopeRestrictExecution"
              },
              "missingUserRole": {
                "$ref": "#/components/examples/ForbiddenUserRoleRemediation"
              },
              "noDeviceGroupAccess": {
                "$ref": "#/components/examples/ForbiddenDeviceGroup"
              },
              "wrongAudience": {
                "$ref": "#/components/examples/ForbiddenWrongAudience"
              }
            }
          }
        }
      },
      "ForbiddenMachineRead": {
        "description": "Valid token without a read permission (`Machine.Read.All`/`Machine.ReadWrite.All` for apps, `Machine.Read`/`Machine.ReadWrite` + 'View Data' for users). Same message rules as the action 403.",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The app message is recorded verbatim (payload 14); the delegated messages are ours (mde-api.md decisions \"403 (delegated)\").",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "missingApplicationRole2026": {
                "$ref": "#/components/examples/ForbiddenAppMachineRead2026"
              },
              "missingDelegatedScope": {
                "$ref": "#/components/examples/ForbiddenDelegatedScopeMachineRead"
              },
              "missingUserRole": {
                "$ref": "#/components/examples/ForbiddenUserRoleViewData"
              },
              "wrongAudience": {
                "$ref": "#/components/examples/ForbiddenWrongAudience"
              }
            }
          }
        }
      },
      "ForbiddenCancel": {
        "description": "Valid token without any of the seven action permissions. Same message rules as the action 403.",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Role order follows the 2021 capture (payload 15, typo corrected); the 2026 wording is applied by analogy with payload 14.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "missingApplicationRole": {
                "$ref": "#/components/examples/ForbiddenAppCancel"
              },
              "missingApplicationRoleLegacy": {
                "$ref": "#/components/examples/ForbiddenAppCancelLegacy"
              }
            }
          }
        }
      },
      "MachineNotFound": {
        "description": "No machine with that id (or, for `GET /api/machines/{id}`, that computer DNS name). Message `Machine {id} was not found` (docs example, mde-api.md §4).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "machineNotFound": {
                "$ref": "#/components/examples/MachineNotFound"
              }
            }
          }
        }
      },
      "MachineActionNotFound": {
        "description": "No machine action with that GUID. Message `Machine action {id} was not found`.",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The docs say only \"404 Not Found\" (mde-api.md §4, §8 S6/S8); code and wording follow the machine 404.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "machineActionNotFound": {
                "$ref": "#/components/examples/MachineActionNotFound"
              }
            }
          }
        }
      },
      "MethodNotAllowedPostOnly": {
        "description": "Not an answer of this POST operation: it is what any other method (GET, PUT, PATCH, DELETE) on this\npath gets: `405 Method Not Allowed`, `Content-Length: 0`, an empty body and `Allow: POST`\n(payload 13, recorded for unrestrictCodeExecution).\n",
        "headers": {
          "Allow": {
            "$ref": "#/components/headers/AllowPost"
          }
        }
      },
      "TooManyRequests": {
        "description": "Quota exceeded for this operation, tenant and application. `code` is the string `\"429\"` (not\n`TooManyRequests` as the docs' table says). Message, for the window that refused:\n`API calls quota exceeded! Maximum allowed 100 per 00:01:00 for the key Destination+TenantID+AppID. You can send requests again in N seconds.`\nor the same with `1500 per 01:00:00`. N equals `Retry-After`.\n",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The wording is recorded for another API with another limit (payload 07); the numbers, the hourly variant and sliding windows are project decisions (mde-api.md §5, decisions \"Window\").",
        "headers": {
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "perMinute": {
                "$ref": "#/components/examples/QuotaPerMinute"
              },
              "perHour": {
                "$ref": "#/components/examples/QuotaPerHour"
              }
            }
          }
        }
      },
      "InternalServerError": {
        "description": "Unexpected server failure, or an injected fault. The docs give no message (\"No error message, retry the operation.\"), so `message` is empty.",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Docs' table only (mde-api.md §4 S9); no recorded 500 body; an empty message is our reading of \"No error message\".",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "internalServerError": {
                "$ref": "#/components/examples/InternalServerError"
              }
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "Only produced by fault injection (simulating an outage of the service or gateway).",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "MDE's documentation never mentions 503 (mde-api.md §4); this exists so clients can be tested against an outage.",
        "headers": {
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfterOptional"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "serviceUnavailable": {
                "$ref": "#/components/examples/ServiceUnavailable"
              }
            }
          }
        }
      },
      "IsolateBadRequest": {
        "description": "400 on isolate: the body rules of `ActionBadRequest` (Comment), then an `IsolationType` that is not a\nstring → `InvalidRequestBody`, or not one of `Full`, `Selective`, `UnManagedDevice` → `InvalidInput`\n\"Invalid input IsolationType.\". Isolate has no duplicate rule (see the operation).\n",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "No recorded body for a bad isolate request (mde-actions-family.md open question 1).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "invalidIsolationType": {
                "$ref": "#/components/examples/InvalidIsolationType"
              },
              "missingComment": {
                "$ref": "#/components/examples/MissingComment"
              },
              "emptyComment": {
                "$ref": "#/components/examples/EmptyComment"
              },
              "invalidRequestBody": {
                "$ref": "#/components/examples/InvalidRequestBody"
              }
            }
          }
        }
      },
      "ScanBadRequest": {
        "description": "400 on runAntiVirusScan: duplicate (`ActiveRequestAlreadyExists`), the `Comment` rules of\n`ActionBadRequest`, then no `ScanType` → `MissingRequiredParameter` \"Parameter ScanType is missing.\",\nor a value other than `Quick`/`Full` → `InvalidInput` \"Invalid input ScanType.\".\n",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "No recorded body for a bad scan request (mde-actions-family.md §3).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "activeRequestAlreadyExists": {
                "$ref": "#/components/examples/ActiveRequestAlreadyExists"
              },
              "missingScanType": {
                "$ref": "#/components/examples/MissingScanType"
              },
              "invalidScanType": {
                "$ref": "#/components/examples/InvalidScanType"
              },
              "missingComment": {
                "$ref": "#/components/examples/MissingComment"
              }
            }
          }
        }
      },
      "QuarantineBadRequest": {
        "description": "400 on StopAndQuarantineFile: duplicate, the `Comment` rules, no `Sha1` → `MissingRequiredParameter`,\na `Sha1` that is not 40 hexadecimal characters → the recorded `BadRequest` (payload 12).\n",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Payload 12 is recorded but what triggered it was not (mde-actions-family.md §6).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "recognitionError2023": {
                "$ref": "#/components/examples/QuarantineRecognitionError"
              },
              "missingSha1": {
                "$ref": "#/components/examples/MissingSha1"
              },
              "activeRequestAlreadyExists": {
                "$ref": "#/components/examples/ActiveRequestAlreadyExists"
              }
            }
          }
        }
      },
      "ForbiddenIsolate": {
        "description": "Valid token without `Machine.Isolate` (app or delegated), a user without 'Active remediation actions', or no access to the device group. Same message rules as the restrict 403.",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The 2026 app wording (payload 14) applied to isolate; the delegated messages are ours.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "missingApplicationRole": {
                "$ref": "#/components/examples/ForbiddenAppIsolate"
              },
              "noDeviceGroupAccess": {
                "$ref": "#/components/examples/ForbiddenDeviceGroup"
              }
            }
          }
        }
      },
      "ForbiddenScan": {
        "description": "Valid token without `Machine.Scan`, a user without 'Active remediation actions', or no access to the device group.",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The 2026 app wording (payload 14) applied to the scan.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "missingApplicationRole": {
                "$ref": "#/components/examples/ForbiddenAppScan"
              }
            }
          }
        }
      },
      "ForbiddenCollect": {
        "description": "Valid token without `Machine.CollectForensics`, a user without 'Alerts Investigation', or no access to the device group.",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The 2026 app wording (payload 14) applied to the collection; the role is documented (D4).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "missingApplicationRole": {
                "$ref": "#/components/examples/ForbiddenAppCollect"
              },
              "missingUserRole": {
                "$ref": "#/components/examples/ForbiddenUserRoleAlertsInvestigation"
              }
            }
          }
        }
      },
      "ForbiddenQuarantine": {
        "description": "Valid token without `Machine.StopAndQuarantine`, a user without 'Active remediation actions', or no access to the device group.",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The 2026 app wording (payload 14) applied to the quarantine; the 2021 two-role behaviour (I6) is not simulated.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "missingApplicationRole": {
                "$ref": "#/components/examples/ForbiddenAppQuarantine"
              }
            }
          }
        }
      },
      "ForbiddenOffboard": {
        "description": "Valid token without `Machine.Offboard`, a user without 'Active remediation actions', or no access to the device group.",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The 2026 app wording (payload 14) applied to offboard; the docs name no user role.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            },
            "examples": {
              "missingApplicationRole": {
                "$ref": "#/components/examples/ForbiddenAppOffboard"
              }
            }
          }
        }
      }
    },
    "schemas": {
      "ActionRequest": {
        "type": "object",
        "description": "Body of unrestrict/restrict/cancel: `{\"Comment\": \"<string>\"}`. `Comment` is **required**, a non-empty\nstring, and case-sensitive (`required`, `minLength`; `x-mde-required` names it for the simulator,\nwhich checks it before the schema so the answer is MDE's own 400, not a generic one):\n- unparsable JSON, empty body, not an object, or `Comment` not a string → `InvalidRequestBody`\n  \"Request body is incorrect\";\n- no `Comment` key (`comment` in lower case does not count) → `MissingRequiredParameter`\n  \"Parameter Comment is missing.\";\n- empty `Comment` → `InvalidInput` \"Invalid input Comment.\".\nOther keys are ignored.\n",
        "x-mde-required": [
          "Comment"
        ],
        "required": [
          "Comment"
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Codes and messages for body errors are project decisions; casing sensitivity is documented (mde-api.md §1, decisions \"Body errors\"); that an empty Comment is refused is inferred (decisions \"Body errors\").",
        "properties": {
          "Comment": {
            "type": "string",
            "minLength": 1,
            "maxLength": 4000,
            "description": "Comment to associate with the action. Required, not empty. At most 4000 characters: a longer one is\nanswered 400 `InvalidInput` \"Invalid input Comment.\" like an empty one.\n",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "The docs state no limit (mde-api.md open questions, \"Comment max length\"); 4000 is the common NVARCHAR(4000) column bound, and without a bound every stored action could hold megabytes."
          }
        },
        "examples": [
          {
            "Comment": "Unrestrict code execution since machine was cleaned and validated"
          }
        ]
      },
      "DateTimeUtc": {
        "type": "string",
        "format": "date-time",
        "description": ".NET round-trip UTC timestamp: seconds, then 1 to 7 fractional digits with trailing zeros trimmed\n(no fraction at all on a whole second), then a literal `Z`, e.g. `2026-01-30T21:11:22.8419303Z`,\n`2024-01-02T13:39:46.773821Z` (mde-api.md §2 \"Date format\").\n",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{0,6}[1-9])?Z$",
        "examples": [
          "2026-01-30T21:11:22.8419303Z"
        ]
      },
      "MachineActionType": {
        "type": "string",
        "description": "Kind of machine action. Microsoft's connector schema adds `Unknown` and `RequestSample` to the documented list (mde-api.md §2, C7).",
        "enum": [
          "Unknown",
          "RequestSample",
          "RunAntiVirusScan",
          "Offboard",
          "CollectInvestigationPackage",
          "Isolate",
          "Unisolate",
          "StopAndQuarantineFile",
          "RestrictCodeExecution",
          "UnrestrictCodeExecution",
          "LiveResponse"
        ]
      },
      "MachineActionStatus": {
        "type": "string",
        "description": "Action status; `Cancelled` with two L (older docs said \"Canceled\"). Final states are `Succeeded`, `Failed`,\n`TimeOut`, `Cancelled`. The simulator's lifecycle (configurable, `lifecycle` option): an online machine picks a\nPending action up after 5 s (InProgress) and ends it 15 s later (Succeeded, or Failed on a machine set to fail);\non a machine that stays offline it stays Pending and ends TimeOut 3 days after creation.\n",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "No source gives the timings; the 3-day TimeOut follows the project decision (mde-api.md decisions, \"Timeout\", by analogy with live response's queue).",
        "enum": [
          "Pending",
          "InProgress",
          "Succeeded",
          "Failed",
          "TimeOut",
          "Cancelled"
        ]
      },
      "MachineAction": {
        "type": "object",
        "description": "A machine action as serialized on the wire: exactly these 21 keys in this order (payloads 01–06).\n`@odata.context` (`https://{host}/api/$metadata#MachineActions/$entity`, the host echoing the one\ncalled) is present on entity answers and absent on items of a collection; every other key is always\npresent. Doc errors not to copy: `lastUpdateTimeUtc` (the wire key is `lastUpdateDateTimeUtc`) and\n`externalID` (the wire key is `externalId`).\n",
        "additionalProperties": false,
        "required": [
          "id",
          "type",
          "title",
          "requestor",
          "requestorComment",
          "status",
          "machineId",
          "computerDnsName",
          "creationDateTimeUtc",
          "lastUpdateDateTimeUtc",
          "cancellationRequestor",
          "cancellationComment",
          "cancellationDateTimeUtc",
          "errorHResult",
          "scope",
          "externalId",
          "requestSource",
          "relatedFileInfo",
          "commands",
          "troubleshootInfo"
        ],
        "properties": {
          "@odata.context": {
            "type": "string",
            "pattern": "^https://[^/]+/api/\\$metadata#MachineActions/\\$entity$",
            "description": "OData context URL; on entity answers only."
          },
          "id": {
            "type": "string",
            "description": "Lower-case hyphenated GUID. No pattern is enforced because recorded captures are redacted (payload 05 uses x's)."
          },
          "type": {
            "$ref": "#/components/schemas/MachineActionType"
          },
          "title": {
            "type": [
              "string",
              "null"
            ],
            "description": "`null` for restrict/unrestrict in every capture."
          },
          "requestor": {
            "type": "string",
            "description": "App tokens → the app registration's display name (2024–2026 captures; GUID in older ones); delegated tokens → the user's UPN."
          },
          "requestorComment": {
            "type": "string",
            "description": "The `Comment` that was sent."
          },
          "status": {
            "$ref": "#/components/schemas/MachineActionStatus"
          },
          "machineId": {
            "type": "string",
            "description": "The device id (40 hex characters; redacted in some captures)."
          },
          "computerDnsName": {
            "type": [
              "string",
              "null"
            ],
            "description": "The device's computer DNS name (null in a 2020 capture)."
          },
          "creationDateTimeUtc": {
            "$ref": "#/components/schemas/DateTimeUtc"
          },
          "lastUpdateDateTimeUtc": {
            "$ref": "#/components/schemas/DateTimeUtc"
          },
          "cancellationRequestor": {
            "type": [
              "string",
              "null"
            ],
            "description": "Who cancelled the action; null until cancelled."
          },
          "cancellationComment": {
            "type": [
              "string",
              "null"
            ],
            "description": "The cancel `Comment`; null until cancelled."
          },
          "cancellationDateTimeUtc": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/DateTimeUtc"
              },
              {
                "type": "null"
              }
            ],
            "description": "When the action was cancelled; null until cancelled."
          },
          "errorHResult": {
            "type": "integer",
            "description": "`0` when no error. The simulator sets -2147467259 (E_FAIL) on actions that end Failed.",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "Every capture has 0; no failed action was captured (mde-api.md §2), so the failure value is a guess."
          },
          "scope": {
            "type": [
              "string",
              "null"
            ],
            "description": "`null` for restrict/unrestrict; `Full`/`Selective` for isolation, `Quick`/`Full` for an AV scan."
          },
          "externalId": {
            "type": [
              "string",
              "null"
            ],
            "description": "Caller-supplied external id; null for these actions."
          },
          "requestSource": {
            "type": "string",
            "description": "`PublicApi` for actions created through this API."
          },
          "relatedFileInfo": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/RelatedFileInfo"
              },
              {
                "type": "null"
              }
            ],
            "description": "Non-null only for StopAndQuarantineFile."
          },
          "commands": {
            "type": "array",
            "description": "Empty except for LiveResponse actions.",
            "items": {
              "$ref": "#/components/schemas/LiveResponseCommand"
            }
          },
          "troubleshootInfo": {
            "type": "null",
            "description": "Undocumented; null in every capture.",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "Always null in captures and its non-null shape is unknown (mde-api.md §2), so only null is allowed."
          }
        }
      },
      "UnrestrictCodeExecutionAction": {
        "description": "The action `unrestrictCodeExecution` answers with (the new one, or the pending one under the \"return\npending\" duplicate policy): a `MachineAction` whose `type` is always `UnrestrictCodeExecution`\n(mde-api.md §1, §2; payloads 01, 05). Its `status` is not fixed: a pending action returned under that\npolicy may already be `InProgress`.\n",
        "allOf": [
          {
            "$ref": "#/components/schemas/MachineAction"
          },
          {
            "type": "object",
            "properties": {
              "type": {
                "const": "UnrestrictCodeExecution"
              }
            }
          }
        ]
      },
      "RestrictCodeExecutionAction": {
        "description": "The action `restrictCodeExecution` answers with: a `MachineAction` whose `type` is always\n`RestrictCodeExecution` (mde-api.md §8; payload 02).\n",
        "allOf": [
          {
            "$ref": "#/components/schemas/MachineAction"
          },
          {
            "type": "object",
            "properties": {
              "type": {
                "const": "RestrictCodeExecution"
              }
            }
          }
        ]
      },
      "IsolateAction": {
        "description": "What `isolate` answers with: a `MachineAction` whose `type` is always `Isolate` and whose `scope` is the\nIsolationType sent, or null when none was (payload 04; mde-actions-family.md §1).\n",
        "allOf": [
          {
            "$ref": "#/components/schemas/MachineAction"
          },
          {
            "type": "object",
            "properties": {
              "type": {
                "const": "Isolate"
              },
              "scope": {
                "enum": [
                  "Full",
                  "Selective",
                  "UnManagedDevice",
                  null
                ]
              }
            }
          }
        ]
      },
      "UnisolateAction": {
        "description": "What `unisolate` answers with; `type` is always `Unisolate`, `scope` null (payload 03).",
        "allOf": [
          {
            "$ref": "#/components/schemas/MachineAction"
          },
          {
            "type": "object",
            "properties": {
              "type": {
                "const": "Unisolate"
              },
              "scope": {
                "type": "null"
              }
            }
          }
        ]
      },
      "RunAntiVirusScanAction": {
        "description": "What `runAntiVirusScan` answers with; `type` is always `RunAntiVirusScan`, `scope` the ScanType (D3, D10).",
        "allOf": [
          {
            "$ref": "#/components/schemas/MachineAction"
          },
          {
            "type": "object",
            "properties": {
              "type": {
                "const": "RunAntiVirusScan"
              },
              "scope": {
                "enum": [
                  "Quick",
                  "Full"
                ]
              }
            }
          }
        ]
      },
      "CollectInvestigationPackageAction": {
        "description": "What `collectInvestigationPackage` answers with; `type` is always `CollectInvestigationPackage` (D4).",
        "allOf": [
          {
            "$ref": "#/components/schemas/MachineAction"
          },
          {
            "type": "object",
            "properties": {
              "type": {
                "const": "CollectInvestigationPackage"
              }
            }
          }
        ]
      },
      "StopAndQuarantineFileAction": {
        "description": "What `StopAndQuarantineFile` answers with; `type` is always `StopAndQuarantineFile` and `relatedFileInfo`\nnames the file by its SHA-1 (D6, D10, D13).\n",
        "allOf": [
          {
            "$ref": "#/components/schemas/MachineAction"
          },
          {
            "type": "object",
            "properties": {
              "type": {
                "const": "StopAndQuarantineFile"
              },
              "relatedFileInfo": {
                "allOf": [
                  {
                    "$ref": "#/components/schemas/RelatedFileInfo"
                  },
                  {
                    "type": "object",
                    "properties": {
                      "fileIdentifierType": {
                        "const": "Sha1"
                      }
                    }
                  }
                ]
              }
            }
          }
        ]
      },
      "OffboardAction": {
        "description": "What `offboard` answers with (201, payloads 05, 06); `type` is always `Offboard`.",
        "allOf": [
          {
            "$ref": "#/components/schemas/MachineAction"
          },
          {
            "type": "object",
            "properties": {
              "type": {
                "const": "Offboard"
              }
            }
          }
        ]
      },
      "RelatedFileInfo": {
        "type": "object",
        "description": "The file a StopAndQuarantineFile action is about (mde-api.md §2, S5, S7).",
        "additionalProperties": false,
        "required": [
          "fileIdentifier",
          "fileIdentifierType"
        ],
        "properties": {
          "fileIdentifier": {
            "type": "string"
          },
          "fileIdentifierType": {
            "type": "string",
            "enum": [
              "Sha1",
              "Sha256",
              "Md5"
            ]
          }
        }
      },
      "LiveResponseCommand": {
        "type": "object",
        "description": "One command of a LiveResponse action (mde-api.md §2 `commands`, S19, C7).",
        "additionalProperties": false,
        "required": [
          "index",
          "startTime",
          "endTime",
          "commandStatus",
          "errors",
          "command"
        ],
        "properties": {
          "index": {
            "type": "integer",
            "minimum": 0
          },
          "startTime": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/DateTimeUtc"
              },
              {
                "type": "null"
              }
            ]
          },
          "endTime": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/DateTimeUtc"
              },
              {
                "type": "null"
              }
            ]
          },
          "commandStatus": {
            "type": "string",
            "enum": [
              "Created",
              "Submitted",
              "PendingResource",
              "Executing",
              "Completed",
              "Failed"
            ]
          },
          "errors": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "command": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "type",
              "params"
            ],
            "properties": {
              "type": {
                "type": "string",
                "description": "e.g. `RunScript`, `GetFile`, `PutFile`."
              },
              "params": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "key",
                    "value"
                  ],
                  "properties": {
                    "key": {
                      "type": "string"
                    },
                    "value": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        },
        "examples": [
          {
            "index": 0,
            "startTime": null,
            "endTime": null,
            "commandStatus": "Created",
            "errors": [],
            "command": {
              "type": "RunScript",
              "params": [
                {
                  "key": "ScriptName",
                  "value": "minidump.ps1"
                },
                {
                  "key": "Args",
                  "value": "OfficeClickToRun"
                }
              ]
            }
          }
        ]
      },
      "MachineActionCollection": {
        "type": "object",
        "description": "A page of machine actions (mde-api.md §8, S7; connector schema C7). Keys in this order;\n`@odata.count` only when `$count=true`, `@odata.nextLink` only when more items remain.\n",
        "additionalProperties": false,
        "required": [
          "@odata.context",
          "value"
        ],
        "properties": {
          "@odata.context": {
            "type": "string",
            "pattern": "^https://[^/]+/api/\\$metadata#MachineActions$"
          },
          "@odata.count": {
            "type": "integer",
            "minimum": 0
          },
          "value": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MachineAction",
              "type": "object",
              "description": "An item carries every MachineAction key except `@odata.context`.",
              "propertyNames": {
                "not": {
                  "const": "@odata.context"
                }
              }
            }
          },
          "@odata.nextLink": {
            "type": "string",
            "format": "uri"
          }
        },
        "x-fidelity": "inferred",
        "x-fidelity-reason": "When the real service emits @odata.nextLink is undocumented (mde-api.md §8); the simulator emits it only when a $top page leaves items."
      },
      "MachineIpAddress": {
        "type": "object",
        "description": "One network address of a machine (payload 16).",
        "additionalProperties": false,
        "required": [
          "ipAddress",
          "macAddress",
          "type",
          "operationalStatus"
        ],
        "properties": {
          "ipAddress": {
            "type": "string"
          },
          "macAddress": {
            "type": [
              "string",
              "null"
            ]
          },
          "type": {
            "type": "string",
            "description": "e.g. `Ethernet`, `SoftwareLoopback`."
          },
          "operationalStatus": {
            "type": "string",
            "description": "e.g. `Up`, `Down`."
          }
        }
      },
      "Machine": {
        "type": "object",
        "description": "A device as serialized on the wire: the keys of the 2023 capture (payload 16) in that order.\n`@odata.context` (`https://{host}/api/$metadata#Machines/$entity`) on entity answers only.\n",
        "additionalProperties": false,
        "x-fidelity": "inferred",
        "x-fidelity-reason": "One capture (payload 16) fixes keys and order; nullability of fields it shows non-null is our guess from their meaning (mde-api.md §8).",
        "required": [
          "id",
          "mergedIntoMachineId",
          "isPotentialDuplication",
          "isExcluded",
          "exclusionReason",
          "computerDnsName",
          "firstSeen",
          "lastSeen",
          "osPlatform",
          "osVersion",
          "osProcessor",
          "version",
          "lastIpAddress",
          "lastExternalIpAddress",
          "agentVersion",
          "osBuild",
          "healthStatus",
          "deviceValue",
          "rbacGroupId",
          "rbacGroupName",
          "riskScore",
          "exposureLevel",
          "isAadJoined",
          "aadDeviceId",
          "machineTags",
          "defenderAvStatus",
          "onboardingStatus",
          "osArchitecture",
          "managedBy",
          "managedByStatus",
          "ipAddresses",
          "vmMetadata"
        ],
        "properties": {
          "@odata.context": {
            "type": "string",
            "pattern": "^https://[^/]+/api/\\$metadata#Machines/\\$entity$"
          },
          "id": {
            "type": "string",
            "description": "Device id, 40 hex characters."
          },
          "mergedIntoMachineId": {
            "type": [
              "string",
              "null"
            ]
          },
          "isPotentialDuplication": {
            "type": "boolean"
          },
          "isExcluded": {
            "type": "boolean"
          },
          "exclusionReason": {
            "type": [
              "string",
              "null"
            ]
          },
          "computerDnsName": {
            "type": [
              "string",
              "null"
            ]
          },
          "firstSeen": {
            "$ref": "#/components/schemas/DateTimeUtc"
          },
          "lastSeen": {
            "$ref": "#/components/schemas/DateTimeUtc"
          },
          "osPlatform": {
            "type": [
              "string",
              "null"
            ],
            "description": "e.g. `Windows10`, `Windows11`, `WindowsServer2019`."
          },
          "osVersion": {
            "type": [
              "string",
              "null"
            ]
          },
          "osProcessor": {
            "type": [
              "string",
              "null"
            ]
          },
          "version": {
            "type": [
              "string",
              "null"
            ],
            "description": "OS release, e.g. `21H2`."
          },
          "lastIpAddress": {
            "type": [
              "string",
              "null"
            ]
          },
          "lastExternalIpAddress": {
            "type": [
              "string",
              "null"
            ]
          },
          "agentVersion": {
            "type": [
              "string",
              "null"
            ]
          },
          "osBuild": {
            "type": [
              "integer",
              "null"
            ]
          },
          "healthStatus": {
            "type": "string",
            "enum": [
              "Active",
              "Inactive",
              "ImpairedCommunication",
              "NoSensorData",
              "NoSensorDataImpairedCommunication",
              "Unknown"
            ]
          },
          "deviceValue": {
            "type": "string",
            "enum": [
              "Normal",
              "Low",
              "High"
            ]
          },
          "rbacGroupId": {
            "type": "integer",
            "description": "Device group id; `0` is the default group."
          },
          "rbacGroupName": {
            "type": [
              "string",
              "null"
            ],
            "description": "Device group name; null for the default group. Delegated users need access to it."
          },
          "riskScore": {
            "type": "string",
            "enum": [
              "None",
              "Informational",
              "Low",
              "Medium",
              "High"
            ]
          },
          "exposureLevel": {
            "type": "string",
            "enum": [
              "None",
              "Low",
              "Medium",
              "High"
            ]
          },
          "isAadJoined": {
            "type": "boolean"
          },
          "aadDeviceId": {
            "type": [
              "string",
              "null"
            ]
          },
          "machineTags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "defenderAvStatus": {
            "type": [
              "string",
              "null"
            ],
            "description": "e.g. `Updated`."
          },
          "onboardingStatus": {
            "type": "string",
            "description": "The docs spell `onboarded` in lower case; the wire shows `Onboarded` (payload 16), so the other values are capitalized as documented.",
            "enum": [
              "Onboarded",
              "CanBeOnboarded",
              "Unsupported",
              "InsufficientInfo"
            ]
          },
          "osArchitecture": {
            "type": [
              "string",
              "null"
            ],
            "description": "e.g. `64-bit`."
          },
          "managedBy": {
            "type": [
              "string",
              "null"
            ],
            "description": "e.g. `Intune`."
          },
          "managedByStatus": {
            "type": [
              "string",
              "null"
            ]
          },
          "ipAddresses": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MachineIpAddress"
            }
          },
          "vmMetadata": {
            "type": [
              "object",
              "null"
            ],
            "description": "Null for physical devices (payload 16); the object form is not modelled."
          }
        }
      },
      "IsolateRequest": {
        "type": "object",
        "description": "Body of isolate. `Comment` is required (same 400 rules as `ActionRequest`); `IsolationType` is\noptional: `Full`, `Selective` or `UnManagedDevice` (spelling as documented, capital M). Parameter\nnames are case-sensitive.\n",
        "x-mde-required": [
          "Comment"
        ],
        "required": [
          "Comment"
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The default when IsolationType is omitted and the answer to an invalid value are not documented (mde-actions-family.md open question 1).",
        "properties": {
          "Comment": {
            "type": "string",
            "minLength": 1,
            "maxLength": 4000,
            "description": "Comment to associate with the action. Required; at most 4000 characters.",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "The docs state no limit; the same 4000-character bound as ActionRequest's Comment."
          },
          "IsolationType": {
            "type": "string",
            "description": "Type of isolation; omitted → the action's `scope` is null and the device is isolated fully.",
            "enum": [
              "Full",
              "Selective",
              "UnManagedDevice"
            ]
          }
        },
        "examples": [
          {
            "Comment": "Isolate machine due to alert 1234",
            "IsolationType": "Full"
          }
        ]
      },
      "ScanRequest": {
        "type": "object",
        "description": "Body of runAntiVirusScan. `Comment` and `ScanType` (`Quick` or `Full`) are both required.",
        "x-mde-required": [
          "Comment",
          "ScanType"
        ],
        "required": [
          "Comment",
          "ScanType"
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Error codes for a bad body are project decisions (mde-actions-family.md §3).",
        "properties": {
          "Comment": {
            "type": "string",
            "minLength": 1,
            "maxLength": 4000,
            "description": "Comment to associate with the action. Required; at most 4000 characters.",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "The docs state no limit; the same 4000-character bound as ActionRequest's Comment."
          },
          "ScanType": {
            "type": "string",
            "description": "`Quick` or `Full`; it becomes the action's `scope`.",
            "enum": [
              "Quick",
              "Full"
            ]
          }
        },
        "examples": [
          {
            "Comment": "Check machine for viruses due to alert 3212",
            "ScanType": "Quick"
          }
        ]
      },
      "StopAndQuarantineRequest": {
        "type": "object",
        "description": "Body of StopAndQuarantineFile. `Comment` and `Sha1` (the SHA-1 of the file, 40 hexadecimal characters) are both required.",
        "x-mde-required": [
          "Comment",
          "Sha1"
        ],
        "required": [
          "Comment",
          "Sha1"
        ],
        "x-fidelity": "inferred",
        "x-fidelity-reason": "What a malformed Sha1 is answered is not recorded; the simulator answers payload 12 (mde-actions-family.md open question 7).",
        "properties": {
          "Comment": {
            "type": "string",
            "minLength": 1,
            "maxLength": 4000,
            "description": "Comment to associate with the action. Required; at most 4000 characters.",
            "x-fidelity": "inferred",
            "x-fidelity-reason": "The docs state no limit; the same 4000-character bound as ActionRequest's Comment."
          },
          "Sha1": {
            "type": "string",
            "maxLength": 4000,
            "description": "SHA-1 of the file to stop and quarantine."
          }
        },
        "examples": [
          {
            "Comment": "Stop and quarantine file on machine due to alert 441688558380765161_2136280442",
            "Sha1": "87662bc3d60e4200ceaf7aae249d1c343f4b83c9"
          }
        ]
      },
      "PackageUri": {
        "type": "object",
        "description": "The answer of getPackageUri: an OData primitive, `@odata.context` then `value` (mde-actions-family.md §5).\n",
        "additionalProperties": false,
        "required": [
          "@odata.context",
          "value"
        ],
        "properties": {
          "@odata.context": {
            "type": "string",
            "pattern": "^https://[^/]+/api/\\$metadata#Edm\\.String$"
          },
          "value": {
            "type": "string",
            "format": "uri",
            "description": "A short-lived link to the zip; `https://{host}/safedownload/WDATP_Investigation_Package.zip?token=…`."
          }
        }
      },
      "MachineCollection": {
        "type": "object",
        "description": "A page of machines (`GET /api/machines`, `findbyip`). Keys in this order; `@odata.count` only when `$count=true`, `@odata.nextLink` only when more items remain.",
        "additionalProperties": false,
        "required": [
          "@odata.context",
          "value"
        ],
        "properties": {
          "@odata.context": {
            "type": "string",
            "pattern": "^https://[^/]+/api/\\$metadata#Machines$"
          },
          "@odata.count": {
            "type": "integer",
            "minimum": 0
          },
          "value": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Machine",
              "type": "object",
              "propertyNames": {
                "not": {
                  "const": "@odata.context"
                }
              }
            }
          },
          "@odata.nextLink": {
            "type": "string",
            "format": "uri"
          }
        },
        "x-fidelity": "inferred",
        "x-fidelity-reason": "When the service emits @odata.nextLink for machines is disputed (mde-actions-family.md §8, I7, C9); the simulator emits it only when a $top page leaves items."
      },
      "ErrorEnvelope": {
        "type": "object",
        "description": "MDE's error body (mde-api.md §4, S9): `{\"error\":{\"code\",\"message\",\"target\"}}`. `code` is a stable\nstring (note the 429 code is the string `\"429\"`); `message` is free text; `target` a per-error\ncorrelation id.\n",
        "additionalProperties": false,
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "code",
              "message",
              "target"
            ],
            "properties": {
              "code": {
                "type": "string"
              },
              "message": {
                "type": "string"
              },
              "target": {
                "type": "string",
                "description": "Correlation id; the simulator uses the Application-Insights form `|xxxxxxxx-xxxxxxxxxxxxxxxx.` (payload 10), older captures show a GUID."
              }
            }
          }
        },
        "examples": [
          {
            "error": {
              "code": "ResourceNotFound",
              "message": "Machine 123123123 was not found",
              "target": "43f4cb08-8fac-4b65-9db1-745c2ae65f3a"
            }
          }
        ]
      }
    },
    "examples": {
      "UnrestrictPending2026": {
        "summary": "Remove app restriction, fresh action (recorded 2026, payload 01)",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#MachineActions/$entity",
          "id": "8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a",
          "type": "UnrestrictCodeExecution",
          "title": null,
          "requestor": "Defender for Endpoint API",
          "requestorComment": "Device cleared, removing app restriction",
          "status": "Pending",
          "machineId": "49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9",
          "computerDnsName": "johns-work-computer",
          "creationDateTimeUtc": "2026-01-30T21:11:22.8419303Z",
          "lastUpdateDateTimeUtc": "2026-01-30T21:11:22.8419314Z",
          "cancellationRequestor": null,
          "cancellationComment": null,
          "cancellationDateTimeUtc": null,
          "errorHResult": 0,
          "scope": null,
          "externalId": null,
          "requestSource": "PublicApi",
          "relatedFileInfo": null,
          "commands": [],
          "troubleshootInfo": null
        }
      },
      "RestrictPending2026": {
        "summary": "Restrict app execution, fresh action (recorded 2026, payload 02)",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#MachineActions/$entity",
          "id": "7fd99be4-cb9b-42bb-b651-10736d67dd69",
          "type": "RestrictCodeExecution",
          "title": null,
          "requestor": "Defender for Endpoint API",
          "requestorComment": "Restrict app execution due to suspicious activity",
          "status": "Pending",
          "machineId": "49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9",
          "computerDnsName": "johns-work-computer",
          "creationDateTimeUtc": "2026-01-24T22:17:02.3601426Z",
          "lastUpdateDateTimeUtc": "2026-01-24T22:17:02.3602286Z",
          "cancellationRequestor": null,
          "cancellationComment": null,
          "cancellationDateTimeUtc": null,
          "errorHResult": 0,
          "scope": null,
          "externalId": null,
          "requestSource": "PublicApi",
          "relatedFileInfo": null,
          "commands": [],
          "troubleshootInfo": null
        }
      },
      "UnrestrictSucceeded": {
        "summary": "The action of payload 01 after the device applied it",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "No recorded GET of a finished unrestrict; payload 01 with status Succeeded and a later lastUpdateDateTimeUtc (mde-api.md §8).",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#MachineActions/$entity",
          "id": "8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a",
          "type": "UnrestrictCodeExecution",
          "title": null,
          "requestor": "Defender for Endpoint API",
          "requestorComment": "Device cleared, removing app restriction",
          "status": "Succeeded",
          "machineId": "49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9",
          "computerDnsName": "johns-work-computer",
          "creationDateTimeUtc": "2026-01-30T21:11:22.8419303Z",
          "lastUpdateDateTimeUtc": "2026-01-30T21:12:05.21437Z",
          "cancellationRequestor": null,
          "cancellationComment": null,
          "cancellationDateTimeUtc": null,
          "errorHResult": 0,
          "scope": null,
          "externalId": null,
          "requestSource": "PublicApi",
          "relatedFileInfo": null,
          "commands": [],
          "troubleshootInfo": null
        }
      },
      "UnrestrictCancelled": {
        "summary": "The action of payload 01 after a cancel call (same id)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "No recorded cancel body; cancel keeps the id and sets the cancellation fields (mde-api.md §8 cancel, Kibana quirks I9).",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#MachineActions/$entity",
          "id": "8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a",
          "type": "UnrestrictCodeExecution",
          "title": null,
          "requestor": "Defender for Endpoint API",
          "requestorComment": "Device cleared, removing app restriction",
          "status": "Cancelled",
          "machineId": "49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9",
          "computerDnsName": "johns-work-computer",
          "creationDateTimeUtc": "2026-01-30T21:11:22.8419303Z",
          "lastUpdateDateTimeUtc": "2026-01-30T21:11:40.1905116Z",
          "cancellationRequestor": "Defender for Endpoint API",
          "cancellationComment": "Cancelled because it is stuck",
          "cancellationDateTimeUtc": "2026-01-30T21:11:40.1905116Z",
          "errorHResult": 0,
          "scope": null,
          "externalId": null,
          "requestSource": "PublicApi",
          "relatedFileInfo": null,
          "commands": [],
          "troubleshootInfo": null
        }
      },
      "CollectionByMachine": {
        "summary": "$filter=machineId eq '49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9' (items from payloads 01 and 02)",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#MachineActions",
          "value": [
            {
              "id": "8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a",
              "type": "UnrestrictCodeExecution",
              "title": null,
              "requestor": "Defender for Endpoint API",
              "requestorComment": "Device cleared, removing app restriction",
              "status": "Pending",
              "machineId": "49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9",
              "computerDnsName": "johns-work-computer",
              "creationDateTimeUtc": "2026-01-30T21:11:22.8419303Z",
              "lastUpdateDateTimeUtc": "2026-01-30T21:11:22.8419314Z",
              "cancellationRequestor": null,
              "cancellationComment": null,
              "cancellationDateTimeUtc": null,
              "errorHResult": 0,
              "scope": null,
              "externalId": null,
              "requestSource": "PublicApi",
              "relatedFileInfo": null,
              "commands": [],
              "troubleshootInfo": null
            },
            {
              "id": "7fd99be4-cb9b-42bb-b651-10736d67dd69",
              "type": "RestrictCodeExecution",
              "title": null,
              "requestor": "Defender for Endpoint API",
              "requestorComment": "Restrict app execution due to suspicious activity",
              "status": "Succeeded",
              "machineId": "49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9",
              "computerDnsName": "johns-work-computer",
              "creationDateTimeUtc": "2026-01-24T22:17:02.3601426Z",
              "lastUpdateDateTimeUtc": "2026-01-24T22:18:31.06Z",
              "cancellationRequestor": null,
              "cancellationComment": null,
              "cancellationDateTimeUtc": null,
              "errorHResult": 0,
              "scope": null,
              "externalId": null,
              "requestSource": "PublicApi",
              "relatedFileInfo": null,
              "commands": [],
              "troubleshootInfo": null
            }
          ]
        }
      },
      "CollectionWithCount": {
        "summary": "$count=true&$top=1&$orderby=creationDateTimeUtc desc (as Kibana asks)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The position of @odata.count and the nextLink form are not recorded (mde-api.md §8, C3/C7).",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#MachineActions",
          "@odata.count": 2,
          "value": [
            {
              "id": "8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a",
              "type": "UnrestrictCodeExecution",
              "title": null,
              "requestor": "Defender for Endpoint API",
              "requestorComment": "Device cleared, removing app restriction",
              "status": "Pending",
              "machineId": "49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9",
              "computerDnsName": "johns-work-computer",
              "creationDateTimeUtc": "2026-01-30T21:11:22.8419303Z",
              "lastUpdateDateTimeUtc": "2026-01-30T21:11:22.8419314Z",
              "cancellationRequestor": null,
              "cancellationComment": null,
              "cancellationDateTimeUtc": null,
              "errorHResult": 0,
              "scope": null,
              "externalId": null,
              "requestSource": "PublicApi",
              "relatedFileInfo": null,
              "commands": [],
              "troubleshootInfo": null
            }
          ],
          "@odata.nextLink": "https://api.security.microsoft.com/api/machineactions?$count=true&$top=1&$orderby=creationDateTimeUtc%20desc&$skip=1"
        }
      },
      "Machine2023": {
        "summary": "A Windows 10 desktop (recorded 2023, payload 16)",
        "value": {
          "@odata.context": "https://api.securitycenter.microsoft.com/api/$metadata#Machines/$entity",
          "id": "556b3952acb0bff29816d267822305781cc183ec",
          "mergedIntoMachineId": null,
          "isPotentialDuplication": false,
          "isExcluded": false,
          "exclusionReason": null,
          "computerDnsName": "se-pov-desktop",
          "firstSeen": "2023-04-19T13:27:53.1618923Z",
          "lastSeen": "2023-05-04T17:40:05.684607Z",
          "osPlatform": "Windows10",
          "osVersion": null,
          "osProcessor": "x64",
          "version": "21H2",
          "lastIpAddress": "172.20.10.4",
          "lastExternalIpAddress": "174.209.205.235",
          "agentVersion": "10.8470.19041.2788",
          "osBuild": 19044,
          "healthStatus": "Active",
          "deviceValue": "Normal",
          "rbacGroupId": 0,
          "rbacGroupName": null,
          "riskScore": "Medium",
          "exposureLevel": "High",
          "isAadJoined": true,
          "aadDeviceId": null,
          "machineTags": [],
          "defenderAvStatus": "Updated",
          "onboardingStatus": "Onboarded",
          "osArchitecture": "64-bit",
          "managedBy": "Intune",
          "managedByStatus": "Unknown",
          "ipAddresses": [
            {
              "ipAddress": "172.20.10.5",
              "macAddress": "000C2992A643",
              "type": "Ethernet",
              "operationalStatus": "Up"
            },
            {
              "ipAddress": "172.20.10.4",
              "macAddress": "000C2992A64D",
              "type": "Ethernet",
              "operationalStatus": "Up"
            },
            {
              "ipAddress": "2600:1005:b06a:4c66:f78f:83dc:7271:383e",
              "macAddress": "000C2992A64D",
              "type": "Ethernet",
              "operationalStatus": "Up"
            },
            {
              "ipAddress": "2600:1005:b06a:4c66:103a:4e1b:bd95:793e",
              "macAddress": "000C2992A64D",
              "type": "Ethernet",
              "operationalStatus": "Up"
            },
            {
              "ipAddress": "fe80::359c:fd3a:8880:ddb6",
              "macAddress": "000C2992A64D",
              "type": "Ethernet",
              "operationalStatus": "Up"
            },
            {
              "ipAddress": "169.254.5.16",
              "macAddress": "147DDAA128C4",
              "type": "Ethernet",
              "operationalStatus": "Down"
            },
            {
              "ipAddress": "fe80::f1fc:1543:f2f4:228d",
              "macAddress": "147DDAA128C4",
              "type": "Ethernet",
              "operationalStatus": "Down"
            },
            {
              "ipAddress": "127.0.0.1",
              "macAddress": null,
              "type": "SoftwareLoopback",
              "operationalStatus": "Up"
            },
            {
              "ipAddress": "::1",
              "macAddress": null,
              "type": "SoftwareLoopback",
              "operationalStatus": "Up"
            }
          ],
          "vmMetadata": null
        }
      },
      "ActiveRequestAlreadyExists": {
        "summary": "A second unrestrict while the first is still Pending",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Composite of the live-response code and the message clients match on; no capture of this body (mde-api.md §3).",
        "value": {
          "error": {
            "code": "ActiveRequestAlreadyExists",
            "message": "Action is already in progress",
            "target": "|9c2e41d7-3f8a5b60c1d29e47."
          }
        }
      },
      "InvalidRequestBody": {
        "summary": "Unparsable JSON, a non-object body, or a non-string Comment",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Message from the docs' example (mde-api.md §4); which inputs produce it is a project decision.",
        "value": {
          "error": {
            "code": "InvalidRequestBody",
            "message": "Request body is incorrect",
            "target": "|5b7d0a93-28e4c1f6a90b3d75."
          }
        }
      },
      "MissingComment": {
        "summary": "No Comment key (e.g. {\"comment\":\"…\"} in lower case)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Code and message template from the docs' table (mde-api.md §4); no capture for a missing Comment.",
        "value": {
          "error": {
            "code": "MissingRequiredParameter",
            "message": "Parameter Comment is missing.",
            "target": "|e04f6c2a-91b7d35e8c0a4f16."
          }
        }
      },
      "EmptyComment": {
        "summary": "{\"Comment\":\"\"}",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "No source for an empty Comment; code and message template from the docs' table (mde-api.md §1, §4).",
        "value": {
          "error": {
            "code": "InvalidInput",
            "message": "Invalid input Comment.",
            "target": "|3a81f5c9-6d20e4b7a15c9f08."
          }
        }
      },
      "NonGuidKey": {
        "summary": "A machine id used where a machine-action GUID is expected (recorded 2023, payload 10)",
        "value": {
          "error": {
            "code": "BadRequest",
            "message": "The key value (556b3952acb0bff29816d267822305781cc183ec) from request is not valid. The key value should be format of type 'Edm.Guid'.",
            "target": "|b1838e63-40a6640ddd2719ac."
          }
        }
      },
      "CancelAlreadyFinal": {
        "summary": "Cancel of an action that already Succeeded",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "No capture of a failed cancel (mde-api.md §8); code follows payload 11's InvalidInput for an action unsuitable for the call.",
        "value": {
          "error": {
            "code": "InvalidInput",
            "message": "Machine action 8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a is already in a final state (Succeeded) and can't be cancelled.",
            "target": "|7f3c9a10-4be2d86f15a0c937."
          }
        }
      },
      "ODataErrorUnsupportedFilter": {
        "summary": "$filter on a property outside the supported subset",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "ODataError is in the docs' table (mde-api.md §4) but its wording is not recorded.",
        "value": {
          "error": {
            "code": "ODataError",
            "message": "Invalid OData URI query: the property 'computerDnsName' can't be used in $filter.",
            "target": "|2d6b8e04-c7f1a3950e8d6b21."
          }
        }
      },
      "Unauthorized": {
        "summary": "No, expired or invalid bearer token",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Docs' code table only, no captured 401 body (mde-api.md §4, decisions \"401\").",
        "value": {
          "error": {
            "code": "Unauthorized",
            "message": "Unauthorized (invalid or expired authorization header).",
            "target": "|c81d4e2a-05b9f7634a2e1d8c."
          }
        }
      },
      "ForbiddenAppRestrictExecution": {
        "summary": "App token with only Machine.Read.All (2026 wording)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Wording recorded for GET machine (payload 14) applied to unrestrict (mde-api.md §4, decisions \"403 (app)\").",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "Missing application roles. API required roles: Machine.RestrictExecution, application roles: Machine.Read.All.",
            "target": "|f4a2b7c1-9e3d05a8b6c4e219."
          }
        }
      },
      "ForbiddenAppRestrictExecutionLegacy": {
        "summary": "The same with the 2021 wording (configurable)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "2021 wording recorded for other calls (payload 15) applied to unrestrict (mde-api.md §4).",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "The application does not have any of the required application permissions (Machine.RestrictExecution) to access the resource.",
            "target": "|0b9e3d7f-5a1c48e26d9f0b34."
          }
        }
      },
      "ForbiddenDelegatedScopeRestrictExecution": {
        "summary": "User token whose scp lacks Machine.RestrictExecution",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "No delegated 403 was ever captured; wording modelled on the 2026 app wording (mde-api.md decisions \"403 (delegated)\").",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "Missing delegated scopes. API required scopes: Machine.RestrictExecution, token scopes: Machine.Read.",
            "target": "|6e2f0c84-d19a7b35f4e8c026."
          }
        }
      },
      "ForbiddenUserRoleRemediation": {
        "summary": "User without the 'Active remediation actions' role",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Required by the docs (mde-api.md §1) but the answer's wording is not recorded (decisions \"403 (delegated)\").",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "The user doesn't have the required role permission: Active remediation actions.",
            "target": "|a93c5e17-2f4b8d60e7a1c953."
          }
        }
      },
      "ForbiddenDeviceGroup": {
        "summary": "User without access to the machine's device group",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Required by the docs (mde-api.md §1) but the answer's wording is not recorded (open questions).",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "The user doesn't have access to machine 49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9 (device group settings).",
            "target": "|18d7a4f2-b60e39c5d2f7a481."
          }
        }
      },
      "ForbiddenWrongAudience": {
        "summary": "Valid token issued for another resource",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "A wrong audience was answered 403 in a report without the body (mde-api.md §6 I6); the docs' generic Forbidden message is used.",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "Forbidden (valid token but insufficient permission for the action).",
            "target": "|d52b9f0e-7c3a16e48b0d5f92."
          }
        }
      },
      "ForbiddenAppMachineRead2026": {
        "summary": "App token with only Machine.Isolate on a read call (recorded 2026, payload 14; target was redacted)",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "Missing application roles. API required roles: Machine.Read.All,Machine.ReadWrite.All, application roles: Machine.Isolate.",
            "target": "|4c0e8b26-a3f9157d2e6b0c48."
          }
        }
      },
      "ForbiddenDelegatedScopeMachineRead": {
        "summary": "User token whose scp has neither Machine.Read nor Machine.ReadWrite",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "No delegated 403 was ever captured; wording modelled on the 2026 app wording (mde-api.md decisions \"403 (delegated)\").",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "Missing delegated scopes. API required scopes: Machine.Read,Machine.ReadWrite, token scopes: Machine.Isolate.",
            "target": "|92e7d1b5-0f4c6a38e9b2d170."
          }
        }
      },
      "ForbiddenUserRoleViewData": {
        "summary": "User without the 'View Data' role",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Required by the docs (mde-api.md §8 S6, S18) but the answer's wording is not recorded.",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "The user doesn't have the required role permission: View Data.",
            "target": "|5f1a8c3e-e62d9b047a5f1c83."
          }
        }
      },
      "ForbiddenAppCancel": {
        "summary": "App token with only Machine.Read.All on cancel (2026 wording)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "2026 wording (payload 14) with the role list and order of the 2021 cancel capture (payload 15), typo corrected.",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "Missing application roles. API required roles: Machine.Isolate,Machine.CollectForensics,Machine.Scan,Machine.RestrictExecution,Machine.StopAndQuarantine,Machine.Offboard,Machine.LiveResponse, application roles: Machine.Read.All.",
            "target": "|3b7e0f92-c4a815d6f0e3b729."
          }
        }
      },
      "ForbiddenAppCancelLegacy": {
        "summary": "The same with the 2021 wording (configurable)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Recorded 2021 text (payload 15) with the server typo Machine.CollectForensic corrected; target added.",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "The application does not have any of the required application permissions (Machine.Isolate, Machine.CollectForensics, Machine.Scan, Machine.RestrictExecution, Machine.StopAndQuarantine, Machine.Offboard, Machine.LiveResponse) to access the resource.",
            "target": "|e8a46d0c-1b97f2c35a8e6d04."
          }
        }
      },
      "MachineNotFound": {
        "summary": "Unknown machine id (docs example wording, mde-api.md §4)",
        "value": {
          "error": {
            "code": "ResourceNotFound",
            "message": "Machine 1e5bc9d7e413ddd7902c2932e418702b84d0cc07 was not found",
            "target": "|0d4f7b9a-6e21c8f35b0a7d96."
          }
        }
      },
      "MachineActionNotFound": {
        "summary": "Unknown machine-action GUID",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Only \"404 Not Found\" is documented (mde-api.md §8); wording follows the machine 404.",
        "value": {
          "error": {
            "code": "ResourceNotFound",
            "message": "Machine action 0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9 was not found",
            "target": "|7a9e2c05-d83b41f6e0a7c952."
          }
        }
      },
      "QuotaPerMinute": {
        "summary": "101st call within a minute",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Wording recorded with 30/min on indicators import (payload 07) applied to 100/min (mde-api.md §5, decisions \"Window\").",
        "value": {
          "error": {
            "code": "429",
            "message": "API calls quota exceeded! Maximum allowed 100 per 00:01:00 for the key Destination+TenantID+AppID. You can send requests again in 8 seconds.",
            "target": "|b4e81f6d-2a07c93e5d1b8f40."
          }
        }
      },
      "QuotaPerHour": {
        "summary": "1501st call within an hour",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The hourly period 01:00:00 is recorded in the 2021 format (payload 08); combined with the 2022 wording (mde-api.md §5).",
        "value": {
          "error": {
            "code": "429",
            "message": "API calls quota exceeded! Maximum allowed 1500 per 01:00:00 for the key Destination+TenantID+AppID. You can send requests again in 1234 seconds.",
            "target": "|1e6c3a8f-94d2b07e6c3f1a58."
          }
        }
      },
      "InternalServerError": {
        "summary": "Unexpected failure (no message, per the docs)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Docs' table says \"No error message, retry the operation.\" (mde-api.md §4); no capture.",
        "value": {
          "error": {
            "code": "InternalServerError",
            "message": "",
            "target": "|8f2d6a41-c3e97b05d1f4a6e8."
          }
        }
      },
      "ServiceUnavailable": {
        "summary": "Injected outage",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Fault injection only; MDE's 503 body is unknown (mde-api.md §4).",
        "value": {
          "error": {
            "code": "ServiceUnavailable",
            "message": "The service is temporarily unavailable. Retry the operation.",
            "target": "|c06a9e3b-57f1d28a4c9e0b63."
          }
        }
      },
      "IsolatePending2026": {
        "summary": "Isolate device, fresh action (recorded 2026, payload 04; its `@odata.context` said `#Machines/$entity`, an editing error, corrected here)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Payload 04 as recorded but for `@odata.context`, which its source got wrong (payloads/README.md); every other key and value is the capture's.",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#MachineActions/$entity",
          "id": "8af71966-4671-4734-a777-a855875c0ec4",
          "type": "Isolate",
          "title": null,
          "requestor": "Defender for Endpoint API",
          "requestorComment": "Isolate device due to alert 1234",
          "status": "Pending",
          "machineId": "49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9",
          "computerDnsName": "johns-work-computer",
          "creationDateTimeUtc": "2026-01-23T20:10:40.8785235Z",
          "lastUpdateDateTimeUtc": "2026-01-23T20:10:40.8785246Z",
          "cancellationRequestor": null,
          "cancellationComment": null,
          "cancellationDateTimeUtc": null,
          "errorHResult": 0,
          "scope": null,
          "externalId": null,
          "requestSource": "PublicApi",
          "relatedFileInfo": null,
          "commands": [],
          "troubleshootInfo": null
        }
      },
      "IsolateFullPending": {
        "summary": "Isolate with IsolationType Full (scope Full, as 2019 example values show)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "scope Full is documented and appears in 2019 example values (C5); no 2026 capture with an IsolationType.",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#MachineActions/$entity",
          "id": "3f9b1c2d-6e7a-4b8c-9d0e-1f2a3b4c5d6e",
          "type": "Isolate",
          "title": null,
          "requestor": "SOAR Playbook Automation",
          "requestorComment": "Isolate machine due to alert 1234",
          "status": "Pending",
          "machineId": "1e5bc9d7e413ddd7902c2932e418702b84d0cc07",
          "computerDnsName": "fin-laptop-017.contoso-demo.local",
          "creationDateTimeUtc": "2026-11-29T10:00:00Z",
          "lastUpdateDateTimeUtc": "2026-11-29T10:00:00.0000061Z",
          "cancellationRequestor": null,
          "cancellationComment": null,
          "cancellationDateTimeUtc": null,
          "errorHResult": 0,
          "scope": "Full",
          "externalId": null,
          "requestSource": "PublicApi",
          "relatedFileInfo": null,
          "commands": [],
          "troubleshootInfo": null
        }
      },
      "UnisolatePending2026": {
        "summary": "Release device, fresh action (recorded 2026, payload 03)",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#MachineActions/$entity",
          "id": "6c4cc569-7d8c-4be0-9f24-327538949e7d",
          "type": "Unisolate",
          "title": null,
          "requestor": "Defender for Endpoint API",
          "requestorComment": "Device cleared, releasing from isolation",
          "status": "Pending",
          "machineId": "49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9",
          "computerDnsName": "johns-work-computer",
          "creationDateTimeUtc": "2026-01-24T00:01:58.4314288Z",
          "lastUpdateDateTimeUtc": "2026-01-24T00:01:58.4314293Z",
          "cancellationRequestor": null,
          "cancellationComment": null,
          "cancellationDateTimeUtc": null,
          "errorHResult": 0,
          "scope": null,
          "externalId": null,
          "requestSource": "PublicApi",
          "relatedFileInfo": null,
          "commands": [],
          "troubleshootInfo": null
        }
      },
      "OffboardPending2024": {
        "summary": "Offboard, answered 201 (recorded 2024, payload 05; ids redacted by its author)",
        "value": {
          "@odata.context": "https://api.securitycenter.microsoft.com/api/$metadata#MachineActions/$entity",
          "id": "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
          "type": "Offboard",
          "title": null,
          "requestor": "YOUR APP REGISTRATION",
          "requestorComment": "Offboard machine by automation",
          "status": "Pending",
          "machineId": "dc977c3c84ba18e1174affaff68e70cd81ffxxxx",
          "computerDnsName": "computer.your.domain",
          "creationDateTimeUtc": "2024-01-02T13:39:46.7738206Z",
          "lastUpdateDateTimeUtc": "2024-01-02T13:39:46.773821Z",
          "cancellationRequestor": null,
          "cancellationComment": null,
          "cancellationDateTimeUtc": null,
          "errorHResult": 0,
          "scope": null,
          "externalId": null,
          "requestSource": "PublicApi",
          "relatedFileInfo": null,
          "commands": [],
          "troubleshootInfo": null
        }
      },
      "ScanPending": {
        "summary": "Quick scan, fresh action (scope is the ScanType)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The scan answer is documented (D3, D10) but no raw capture exists; values are the simulator's.",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#MachineActions/$entity",
          "id": "2e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b",
          "type": "RunAntiVirusScan",
          "title": null,
          "requestor": "SOAR Playbook Automation",
          "requestorComment": "Check machine for viruses due to alert 3212",
          "status": "Pending",
          "machineId": "f70f9fe6b29cd9511652434919c6530618f06606",
          "computerDnsName": "dev-ws-108.contoso-demo.local",
          "creationDateTimeUtc": "2026-11-29T10:00:00Z",
          "lastUpdateDateTimeUtc": "2026-11-29T10:00:00.0000072Z",
          "cancellationRequestor": null,
          "cancellationComment": null,
          "cancellationDateTimeUtc": null,
          "errorHResult": 0,
          "scope": "Quick",
          "externalId": null,
          "requestSource": "PublicApi",
          "relatedFileInfo": null,
          "commands": [],
          "troubleshootInfo": null
        }
      },
      "CollectPending": {
        "summary": "Investigation package collection, fresh action",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Documented shape (D4, D10), no raw capture; values are the simulator's.",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#MachineActions/$entity",
          "id": "7d6c5b4a-3928-4716-a5f4-e3d2c1b0a998",
          "type": "CollectInvestigationPackage",
          "title": null,
          "requestor": "SOAR Playbook Automation",
          "requestorComment": "Collect forensics due to alert 1234",
          "status": "Pending",
          "machineId": "1e5bc9d7e413ddd7902c2932e418702b84d0cc07",
          "computerDnsName": "fin-laptop-017.contoso-demo.local",
          "creationDateTimeUtc": "2026-11-29T10:00:00Z",
          "lastUpdateDateTimeUtc": "2026-11-29T10:00:00.0000048Z",
          "cancellationRequestor": null,
          "cancellationComment": null,
          "cancellationDateTimeUtc": null,
          "errorHResult": 0,
          "scope": null,
          "externalId": null,
          "requestSource": "PublicApi",
          "relatedFileInfo": null,
          "commands": [],
          "troubleshootInfo": null
        }
      },
      "QuarantinePending": {
        "summary": "Stop and quarantine a file, fresh action (relatedFileInfo set)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Documented shape (D6, D10, D13), no raw capture; values are the simulator's.",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#MachineActions/$entity",
          "id": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
          "type": "StopAndQuarantineFile",
          "title": null,
          "requestor": "SOAR Playbook Automation",
          "requestorComment": "Stop and quarantine file on machine due to alert 441688558380765161_2136280442",
          "status": "Pending",
          "machineId": "1e5bc9d7e413ddd7902c2932e418702b84d0cc07",
          "computerDnsName": "fin-laptop-017.contoso-demo.local",
          "creationDateTimeUtc": "2026-11-29T10:00:00Z",
          "lastUpdateDateTimeUtc": "2026-11-29T10:00:00.0000055Z",
          "cancellationRequestor": null,
          "cancellationComment": null,
          "cancellationDateTimeUtc": null,
          "errorHResult": 0,
          "scope": null,
          "externalId": null,
          "requestSource": "PublicApi",
          "relatedFileInfo": {
            "fileIdentifier": "87662bc3d60e4200ceaf7aae249d1c343f4b83c9",
            "fileIdentifierType": "Sha1"
          },
          "commands": [],
          "troubleshootInfo": null
        }
      },
      "PackageUri": {
        "summary": "A download link on the listener that was called",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The real link is on userrequests-us.securitycenter.windows.com (D5); the simulator serves the zip itself.",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#Edm.String",
          "value": "https://api.security.microsoft.com/safedownload/WDATP_Investigation_Package.zip?token=5f0c1a7e9b3d4c2a8e6f0b1d3c5a7e9f2b4d6f8a0c2e4a6b8d0f2a4c6e8b0d2f"
        }
      },
      "NotAPackageAction": {
        "summary": "getPackageUri on an action that is not a package collection (recorded 2023, payload 11)",
        "value": {
          "error": {
            "code": "InvalidInput",
            "message": "Provided Guid is not a valid id for a CollectInvestigationPackage action",
            "target": "|76dce355-471ae6d819782413."
          }
        }
      },
      "PackageNotReady": {
        "summary": "The collection has not succeeded (yet)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Only the status is documented (D5).",
        "value": {
          "error": {
            "code": "ResourceNotFound",
            "message": "The investigation package of machine action 7d6c5b4a-3928-4716-a5f4-e3d2c1b0a998 is not available (status Pending)",
            "target": "|4e8a1c3f-7b2d90e5a6c4f108."
          }
        }
      },
      "QuarantineRecognitionError": {
        "summary": "StopAndQuarantineFile with a malformed Sha1 (recorded 2023, payload 12)",
        "value": {
          "error": {
            "code": "BadRequest",
            "message": "A recognition error occurred.. Fix syntax errors in your query.",
            "target": "|1d25001e-48e8e09dbddde4f4."
          }
        }
      },
      "MissingSha1": {
        "summary": "No Sha1 key",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Code and message template from the docs' table (mde-api.md §4).",
        "value": {
          "error": {
            "code": "MissingRequiredParameter",
            "message": "Parameter Sha1 is missing.",
            "target": "|8b2e6f0a-3c7d41e9b5a2f806."
          }
        }
      },
      "FileNotOnMachine": {
        "summary": "A hash the device never saw (body recorded in a 2020 test log, I9)",
        "value": {
          "error": {
            "code": "ResourceNotFound",
            "message": "Sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709 was not found in machine 1e5bc9d7e413ddd7902c2932e418702b84d0cc07",
            "target": "|c5d9e3a7-1f4b82c6d0e8a359."
          }
        }
      },
      "InvalidIsolationType": {
        "summary": "IsolationType outside the enum",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Not documented (mde-actions-family.md open question 1).",
        "value": {
          "error": {
            "code": "InvalidInput",
            "message": "Invalid input IsolationType.",
            "target": "|0a7c3e91-d5b8246f1e9c0a73."
          }
        }
      },
      "MissingScanType": {
        "summary": "No ScanType key",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Code and message template from the docs' table (mde-api.md §4).",
        "value": {
          "error": {
            "code": "MissingRequiredParameter",
            "message": "Parameter ScanType is missing.",
            "target": "|6f1b9d4c-2a8e73d0c5b1e967."
          }
        }
      },
      "InvalidScanType": {
        "summary": "ScanType other than Quick or Full",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Not documented (mde-actions-family.md §3).",
        "value": {
          "error": {
            "code": "InvalidInput",
            "message": "Invalid input ScanType.",
            "target": "|d3e7a1b5-9c0f4628e7a3d1b5."
          }
        }
      },
      "ForbiddenAppIsolate": {
        "summary": "App token without Machine.Isolate (2026 wording)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Wording recorded for GET machine (payload 14) applied to isolate.",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "Missing application roles. API required roles: Machine.Isolate, application roles: Machine.Read.All.",
            "target": "|2c8f4a6e-b1d397e05c2a8f64."
          }
        }
      },
      "ForbiddenAppScan": {
        "summary": "App token without Machine.Scan (2026 wording)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Wording recorded for GET machine (payload 14) applied to the scan.",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "Missing application roles. API required roles: Machine.Scan, application roles: Machine.Read.All.",
            "target": "|9e3a7c1f-5d2b80e4a6c9f3b1."
          }
        }
      },
      "ForbiddenAppCollect": {
        "summary": "App token without Machine.CollectForensics (2026 wording)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Wording recorded for GET machine (payload 14) applied to the collection.",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "Missing application roles. API required roles: Machine.CollectForensics, application roles: Machine.Read.All.",
            "target": "|4b0d8f2a-e6c3195d7a4b0e82."
          }
        }
      },
      "ForbiddenUserRoleAlertsInvestigation": {
        "summary": "User without the 'Alerts Investigation' role",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "The role is documented (D4, D5), the answer's wording is not.",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "The user doesn't have the required role permission: Alerts Investigation.",
            "target": "|7c1e5a9d-3f8b26c0e4d7a195."
          }
        }
      },
      "ForbiddenAppQuarantine": {
        "summary": "App token without Machine.StopAndQuarantine (2026 wording)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Wording recorded for GET machine (payload 14) applied to the quarantine.",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "Missing application roles. API required roles: Machine.StopAndQuarantine, application roles: Machine.Read.All.",
            "target": "|e5a9c3f7-1b6d4082f9e5a3c7."
          }
        }
      },
      "ForbiddenAppOffboard": {
        "summary": "App token without Machine.Offboard (2026 wording)",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Wording recorded for GET machine (payload 14) applied to offboard.",
        "value": {
          "error": {
            "code": "Forbidden",
            "message": "Missing application roles. API required roles: Machine.Offboard, application roles: Machine.Read.All.",
            "target": "|3d7b1f5e-9a2c48e6b0d3f7a1."
          }
        }
      },
      "ODataErrorMachines": {
        "summary": "$filter on a property outside the supported set",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "ODataError is in the docs' table (mde-api.md §4) but its wording is not recorded.",
        "value": {
          "error": {
            "code": "ODataError",
            "message": "Invalid OData URI query: the property 'osVersion' can't be used in $filter.",
            "target": "|5e9b3d7f-1c4a82e6d0b5f9a3."
          }
        }
      },
      "NoMachines": {
        "summary": "A tenant without machines",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Only the status is documented (D8).",
        "value": {
          "error": {
            "code": "ResourceNotFound",
            "message": "No machines were found",
            "target": "|8a2c6e0b-4d9f13a7c5e1b8d2."
          }
        }
      },
      "FindByIpTooOld": {
        "summary": "A timestamp older than 30 days",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Only the status is documented (D9).",
        "value": {
          "error": {
            "code": "InvalidInput",
            "message": "Invalid input timestamp. The timestamp must be within the last 30 days.",
            "target": "|f1c5a9e3-7d0b46e2a8c4f0b6."
          }
        }
      },
      "MachineCollectionExample": {
        "summary": "One machine of the demo fleet",
        "x-fidelity": "inferred",
        "x-fidelity-reason": "Collection envelope documented (D8); the item is the demo tenant's.",
        "value": {
          "@odata.context": "https://api.security.microsoft.com/api/$metadata#Machines",
          "value": [
            {
              "id": "556b3952acb0bff29816d267822305781cc183ec",
              "mergedIntoMachineId": null,
              "isPotentialDuplication": false,
              "isExcluded": false,
              "exclusionReason": null,
              "computerDnsName": "srv-sql-01.contoso-demo.local",
              "firstSeen": "2026-01-05T09:12:44.1372206Z",
              "lastSeen": "2026-11-29T09:58:12.4470931Z",
              "osPlatform": "WindowsServer2022",
              "osVersion": null,
              "osProcessor": "x64",
              "version": "21H2",
              "lastIpAddress": "10.10.1.21",
              "lastExternalIpAddress": "203.0.113.10",
              "agentVersion": "10.8760.20348.2849",
              "osBuild": 20348,
              "healthStatus": "Active",
              "deviceValue": "High",
              "rbacGroupId": 4108,
              "rbacGroupName": "Servers",
              "riskScore": "Informational",
              "exposureLevel": "Low",
              "isAadJoined": false,
              "aadDeviceId": null,
              "machineTags": [
                "Tier0",
                "SQL"
              ],
              "defenderAvStatus": "Updated",
              "onboardingStatus": "Onboarded",
              "osArchitecture": "64-bit",
              "managedBy": "MDE",
              "managedByStatus": "Success",
              "ipAddresses": [
                {
                  "ipAddress": "10.10.1.21",
                  "macAddress": "00155D0A0115",
                  "type": "Ethernet",
                  "operationalStatus": "Up"
                }
              ],
              "vmMetadata": null
            }
          ]
        }
      }
    }
  }
} as const;
