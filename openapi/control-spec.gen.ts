// generated, do not edit: the parsed control-API document (x-properties-from resolved) from openapi/mde-sim-control.yaml.
// Run `npm run generate` after changing the YAML.

export const controlSpec = {
  "openapi": "3.1.0",
  "info": {
    "title": "mde-sim control API",
    "version": "1.0.0",
    "summary": "The simulator's own API under `/_sim`, for tests, CI and demos. Not part of Microsoft's service.",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    },
    "description": "Seeding, machine behaviour, the virtual clock, fault plans, quotas, the request journal and token\nminting. The same operations are typed methods on `simulator.control`; both validate their input\nagainst the schemas below (ajv), so an unknown field, a value of the wrong type or out of bounds is\nrefused with a 400 naming the field (and the closest valid name for a typo), never ignored.\n\n**Protection.** The control API is a door into the simulator (it lists demo secrets and mints tokens).\nIt answers only requests whose `Host` is a name the server answers to (loopback names, the bound\naddress, `--public-host` names), refuses a foreign `Origin` (403) and a body that is not\n`application/json` (415), and on a non-loopback bind requires the control token\n(`Authorization: Bearer <token>` or `X-MDE-Sim-Control-Token: <token>`). See the README, \"Control API\".\n\n**Errors.** `{\"error\":{\"code\":\"…\",\"message\":\"…\",\"field\":\"…\"}}` with mde-sim codes (this API is the\nsimulator's own, so it does not imitate MDE's envelope). `field` is the JSON pointer of the bad value,\nwhen there is one.\n\n`MachineSeed` carries every property of the MDE API's `Machine` entity\n(`defender-machine-actions.yaml`), copied in by `npm run generate` (see `x-properties-from`).\n"
  },
  "servers": [
    {
      "url": "http://127.0.0.1:5080",
      "description": "the default plain-HTTP listener of `mde-sim serve`"
    }
  ],
  "security": [],
  "tags": [
    {
      "name": "tenants",
      "description": "Seeding and inspecting simulated tenants."
    },
    {
      "name": "clock",
      "description": "The virtual clock."
    },
    {
      "name": "faults",
      "description": "Fault plans."
    },
    {
      "name": "observability",
      "description": "Journal, retries, quotas."
    },
    {
      "name": "identity",
      "description": "Tokens and signing keys."
    }
  ],
  "paths": {
    "/_sim/tenants": {
      "get": {
        "operationId": "listTenants",
        "tags": [
          "tenants"
        ],
        "summary": "Tenants with ids, apps (demo secrets), users (demo passwords), machines and their behaviour.",
        "responses": {
          "200": {
            "description": "Every tenant.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "tenants"
                  ],
                  "properties": {
                    "tenants": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/TenantSummary"
                      }
                    }
                  }
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      },
      "post": {
        "operationId": "addTenant",
        "tags": [
          "tenants"
        ],
        "summary": "Seeds a tenant (replacing one with the same id).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TenantSeed"
              }
            }
          }
        },
        "responses": {
          "201": {
            "$ref": "#/components/responses/Tenant"
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/_sim/tenants/{tenantId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/TenantId"
        }
      ],
      "get": {
        "operationId": "getTenant",
        "tags": [
          "tenants"
        ],
        "summary": "One tenant.",
        "responses": {
          "200": {
            "$ref": "#/components/responses/Tenant"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/_sim/tenants/{tenantId}/reset": {
      "parameters": [
        {
          "$ref": "#/components/parameters/TenantId"
        }
      ],
      "post": {
        "operationId": "resetTenant",
        "tags": [
          "tenants"
        ],
        "summary": "Restores one tenant's seed (machines, actions, quota setting and windows).",
        "responses": {
          "200": {
            "$ref": "#/components/responses/Tenant"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/_sim/reset": {
      "post": {
        "operationId": "resetAll",
        "tags": [
          "tenants"
        ],
        "summary": "Restores every seed and clears quotas, faults and the journal.",
        "responses": {
          "200": {
            "description": "The tenants after the reset.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "tenants"
                  ],
                  "properties": {
                    "tenants": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/TenantSummary"
                      }
                    }
                  }
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/_sim/tenants/{tenantId}/machines": {
      "parameters": [
        {
          "$ref": "#/components/parameters/TenantId"
        }
      ],
      "post": {
        "operationId": "addMachine",
        "tags": [
          "tenants"
        ],
        "summary": "Adds (or replaces) a machine.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/MachineSeed"
              }
            }
          }
        },
        "responses": {
          "201": {
            "$ref": "#/components/responses/Machine"
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/_sim/tenants/{tenantId}/machines/{machineId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/TenantId"
        },
        {
          "name": "machineId",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "patch": {
        "operationId": "setMachine",
        "tags": [
          "tenants"
        ],
        "summary": "Changes how a machine behaves.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/MachineBehaviour"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Machine"
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/_sim/tenants/{tenantId}/actions": {
      "parameters": [
        {
          "$ref": "#/components/parameters/TenantId"
        }
      ],
      "get": {
        "operationId": "listActions",
        "tags": [
          "tenants"
        ],
        "summary": "The tenant's stored actions, oldest first, lifecycle settled to now.",
        "responses": {
          "200": {
            "description": "The actions, as the API serializes them.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "actions"
                  ],
                  "properties": {
                    "actions": {
                      "type": "array",
                      "items": {
                        "type": "object"
                      }
                    }
                  }
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/_sim/tenants/{tenantId}/rate-limits": {
      "parameters": [
        {
          "$ref": "#/components/parameters/TenantId"
        }
      ],
      "get": {
        "operationId": "getRateLimits",
        "tags": [
          "observability"
        ],
        "summary": "The quotas that apply to the tenant, per operation.",
        "responses": {
          "200": {
            "$ref": "#/components/responses/RateLimits"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      },
      "put": {
        "operationId": "setRateLimits",
        "tags": [
          "observability"
        ],
        "summary": "Replaces the tenant's quota setting.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RateLimitSetting"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/RateLimits"
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/_sim/clock": {
      "get": {
        "operationId": "getClock",
        "tags": [
          "clock"
        ],
        "summary": "The simulator's time and mode.",
        "responses": {
          "200": {
            "$ref": "#/components/responses/Clock"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      },
      "post": {
        "operationId": "changeClock",
        "tags": [
          "clock"
        ],
        "summary": "Freezes, sets, advances and/or resumes the clock (in that order).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ClockChange"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Clock"
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/_sim/journal": {
      "get": {
        "operationId": "getJournal",
        "tags": [
          "observability"
        ],
        "summary": "The request journal, oldest first (credentials and query-string secrets redacted, no bodies).",
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100000
            }
          },
          {
            "name": "tenantId",
            "in": "query",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Journal entries.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "entries"
                  ],
                  "properties": {
                    "entries": {
                      "type": "array",
                      "items": {
                        "type": "object"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/_sim/faults": {
      "get": {
        "operationId": "listFaults",
        "tags": [
          "faults"
        ],
        "summary": "Active fault plans.",
        "responses": {
          "200": {
            "$ref": "#/components/responses/Faults"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      },
      "post": {
        "operationId": "addFault",
        "tags": [
          "faults"
        ],
        "summary": "Adds a fault plan.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/FaultPlanInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The plan as stored.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/FaultPlan"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "409": {
            "description": "A plan with this id exists.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ControlError"
                }
              }
            }
          }
        }
      },
      "delete": {
        "operationId": "clearFaults",
        "tags": [
          "faults"
        ],
        "summary": "Removes every fault plan.",
        "responses": {
          "200": {
            "$ref": "#/components/responses/Faults"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/_sim/faults/{faultId}": {
      "parameters": [
        {
          "name": "faultId",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "delete": {
        "operationId": "removeFault",
        "tags": [
          "faults"
        ],
        "summary": "Removes one fault plan.",
        "responses": {
          "200": {
            "$ref": "#/components/responses/Faults"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/_sim/journal/recording": {
      "get": {
        "operationId": "getRecording",
        "tags": [
          "observability"
        ],
        "summary": "Whether traffic recording is on (the journal keeps redacted bodies and the state each call met).",
        "responses": {
          "200": {
            "$ref": "#/components/responses/Recording"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      },
      "put": {
        "operationId": "setRecording",
        "tags": [
          "observability"
        ],
        "summary": "Switches traffic recording on or off.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RecordingSetting"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Recording"
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/_sim/journal/pact": {
      "get": {
        "operationId": "getRecordedPact",
        "tags": [
          "observability"
        ],
        "summary": "A Pact V4 file made from the recorded API calls (provider states inferred, matchers for ids, times, tokens).",
        "parameters": [
          {
            "name": "consumer",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1
            }
          },
          {
            "name": "provider",
            "in": "query",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "tenantId",
            "in": "query",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The pact.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "consumer",
                    "provider",
                    "interactions",
                    "metadata"
                  ],
                  "properties": {
                    "consumer": {
                      "type": "object"
                    },
                    "provider": {
                      "type": "object"
                    },
                    "interactions": {
                      "type": "array",
                      "items": {
                        "type": "object"
                      }
                    },
                    "metadata": {
                      "type": "object"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/_sim/journal/har": {
      "get": {
        "operationId": "getHar",
        "tags": [
          "observability"
        ],
        "summary": "The journal as HAR 1.2 (for browser dev tools and proxies).",
        "parameters": [
          {
            "name": "tenantId",
            "in": "query",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The HAR document.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "log"
                  ],
                  "properties": {
                    "log": {
                      "type": "object"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/_sim/retries": {
      "get": {
        "operationId": "getRetries",
        "tags": [
          "observability"
        ],
        "summary": "Per caller and operation, 429s given, early retries and honoured retries.",
        "parameters": [
          {
            "name": "tenantId",
            "in": "query",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Retry behaviour per caller.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "retries"
                  ],
                  "properties": {
                    "retries": {
                      "type": "array",
                      "items": {
                        "type": "object"
                      }
                    }
                  }
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/_sim/callers": {
      "get": {
        "operationId": "getCallers",
        "tags": [
          "observability"
        ],
        "summary": "Who called the API, per caller and operation - quota windows in use, remaining budget, 429s and retries.",
        "description": "The record behind the live page's quota view: for each caller (tenant + app) and operation it called,\nevery quota window with the admitted calls still inside it, and the 429 record of `GET /_sim/retries`.\n",
        "parameters": [
          {
            "name": "tenantId",
            "in": "query",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Callers and their quota use.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "callers"
                  ],
                  "properties": {
                    "callers": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/CallerUsage"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/_sim/events": {
      "get": {
        "operationId": "getEvents",
        "tags": [
          "observability"
        ],
        "summary": "Every status actions took after a cursor, stamped with simulator time (the live timeline).",
        "description": "Poll with `after` set to the `latest` of the previous answer. Lifecycles are settled to now first, so\na clock jump still yields each intermediate status with its own time. Answered from a bounded buffer\n(2000 events): `truncated` says events after the cursor were dropped; a new `generation` (after a\nreset) means start over from `after=0`. Successful reads of the control API are not journaled, so\npolling does not push calls out of the journal.\n",
        "parameters": [
          {
            "name": "after",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 9999
            }
          },
          {
            "name": "tenantId",
            "in": "query",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The events after the cursor, oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ActivityPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    },
    "/_sim/tokens": {
      "post": {
        "operationId": "mintToken",
        "tags": [
          "identity"
        ],
        "summary": "Mints an access token with any claims (expired, wrong audience, missing role, forged types...).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/MintTokenRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The token.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "token_type",
                    "access_token"
                  ],
                  "properties": {
                    "token_type": {
                      "type": "string",
                      "const": "Bearer"
                    },
                    "access_token": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Invalid"
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/_sim/keys/rotate": {
      "post": {
        "operationId": "rotateSigningKeys",
        "tags": [
          "identity"
        ],
        "summary": "Signs new tokens with a fresh key; the previous key keeps verifying.",
        "responses": {
          "200": {
            "description": "Rotated.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "rotated"
                  ],
                  "properties": {
                    "rotated": {
                      "type": "boolean"
                    }
                  }
                }
              }
            }
          },
          "403": {
            "$ref": "#/components/responses/Refused"
          }
        }
      }
    }
  },
  "components": {
    "parameters": {
      "TenantId": {
        "name": "tenantId",
        "in": "path",
        "required": true,
        "description": "Tenant id (GUID) or primary domain.",
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "Tenant": {
        "description": "A tenant.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/TenantSummary"
            }
          }
        }
      },
      "Machine": {
        "description": "A machine and its behaviour.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/MachineSummary"
            }
          }
        }
      },
      "RateLimits": {
        "description": "The quotas that apply.",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "required": [
                "enabled",
                "limits"
              ],
              "properties": {
                "enabled": {
                  "type": "boolean"
                },
                "limits": {
                  "type": "object",
                  "additionalProperties": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/RateLimitWindow"
                    }
                  }
                }
              }
            }
          }
        }
      },
      "Clock": {
        "description": "The clock.",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "required": [
                "now",
                "mode"
              ],
              "properties": {
                "now": {
                  "type": "string",
                  "format": "date-time"
                },
                "mode": {
                  "type": "string",
                  "enum": [
                    "running",
                    "frozen"
                  ]
                }
              }
            }
          }
        }
      },
      "Faults": {
        "description": "Active fault plans.",
        "content": {
          "application/json": {
            "schema": {
              "type": "object",
              "required": [
                "faults"
              ],
              "properties": {
                "faults": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/FaultPlan"
                  }
                }
              }
            }
          }
        }
      },
      "Recording": {
        "description": "Whether traffic recording is on.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/RecordingSetting"
            }
          }
        }
      },
      "Invalid": {
        "description": "The request does not fit its schema (the message names the field).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ControlError"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such tenant, machine, fault plan or route.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ControlError"
            }
          }
        }
      },
      "Refused": {
        "description": "Refused by the control API's protection (foreign Host or Origin, missing control token).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ControlError"
            }
          }
        }
      }
    },
    "schemas": {
      "RecordingSetting": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "enabled"
        ],
        "properties": {
          "enabled": {
            "type": "boolean"
          }
        }
      },
      "ControlError": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "code",
              "message"
            ],
            "properties": {
              "code": {
                "type": "string",
                "examples": [
                  "InvalidControlRequest"
                ]
              },
              "message": {
                "type": "string"
              },
              "field": {
                "type": "string",
                "description": "JSON pointer of the bad value in the request body (or the query parameter's name)."
              }
            }
          }
        }
      },
      "Guid": {
        "type": "string",
        "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
      },
      "ShortText": {
        "type": "string",
        "maxLength": 256
      },
      "TenantSeed": {
        "type": "object",
        "description": "A tenant to seed; also the shape of each entry of a `--seed-file` array.",
        "additionalProperties": false,
        "required": [
          "id",
          "domain",
          "displayName",
          "apps",
          "users",
          "machines"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Guid"
          },
          "domain": {
            "type": "string",
            "minLength": 1,
            "maxLength": 253,
            "pattern": "^[A-Za-z0-9.-]+$",
            "description": "Primary domain, e.g. `contoso-demo.onmicrosoft.com` (also accepted as authority tenant)."
          },
          "displayName": {
            "$ref": "#/components/schemas/ShortText"
          },
          "apps": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/AppRegistration"
            }
          },
          "users": {
            "type": "array",
            "maxItems": 10000,
            "items": {
              "$ref": "#/components/schemas/UserAccount"
            }
          },
          "machines": {
            "type": "array",
            "maxItems": 100000,
            "items": {
              "$ref": "#/components/schemas/MachineSeed"
            }
          },
          "managedIdentities": {
            "type": "array",
            "maxItems": 1000,
            "description": "Managed identities that get tokens from the App Service and IMDS endpoints.",
            "items": {
              "$ref": "#/components/schemas/ManagedIdentity"
            }
          },
          "history": {
            "type": "array",
            "maxItems": 1000000,
            "description": "Stored machine actions (a backlog for demos and scale tests), as the API serializes them, in\ncreation order. Each must be final (Succeeded, Failed, TimeOut or Cancelled) and name a machine of\nthe seed; ids must be unique. They list, count and age like actions the simulator made, so\nretention drops those that ended more than its maximum age before the simulator's clock.\n",
            "items": {
              "$ref": "#/components/schemas/StoredAction"
            }
          }
        }
      },
      "ManagedIdentity": {
        "type": "object",
        "description": "A managed identity (App Service, VM, Logic App) of the tenant.",
        "additionalProperties": false,
        "required": [
          "kind",
          "clientId",
          "objectId",
          "resourceId",
          "displayName",
          "roles"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "system-assigned",
              "user-assigned"
            ],
            "description": "`system-assigned` (the host's own identity) or `user-assigned` (a standalone resource)."
          },
          "clientId": {
            "$ref": "#/components/schemas/Guid",
            "description": "Client (application) id: the token's `appid`."
          },
          "objectId": {
            "$ref": "#/components/schemas/Guid",
            "description": "Object (principal) id: the token's `oid` and `sub`."
          },
          "resourceId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 1024,
            "description": "Azure resource id (the token's `xms_mirid`)."
          },
          "displayName": {
            "$ref": "#/components/schemas/ShortText",
            "description": "The resource's name; reported as the action's `requestor`."
          },
          "roles": {
            "type": "array",
            "maxItems": 200,
            "items": {
              "$ref": "#/components/schemas/ShortText"
            },
            "description": "App roles on the WindowsDefenderATP API (token `roles`)."
          }
        }
      },
      "FederatedCredential": {
        "type": "object",
        "description": "A federated identity credential on an app registration (workload identity federation).",
        "additionalProperties": false,
        "required": [
          "issuer",
          "subject"
        ],
        "properties": {
          "name": {
            "$ref": "#/components/schemas/ShortText",
            "description": "Name shown in the portal (informational)."
          },
          "issuer": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2048,
            "description": "Issuer of the external token, compared case-sensitively with its `iss`."
          },
          "subject": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2048
          },
          "audiences": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "type": "string",
              "maxLength": 2048
            },
            "description": "Accepted `aud` values; default `api://AzureADTokenExchange`."
          },
          "jwks": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "keys"
            ],
            "description": "Public keys of an external issuer (the simulator never fetches anything).",
            "properties": {
              "keys": {
                "type": "array",
                "maxItems": 50,
                "items": {
                  "type": "object",
                  "additionalProperties": true
                }
              }
            }
          }
        }
      },
      "AppRegistration": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "clientId",
          "displayName",
          "roles"
        ],
        "properties": {
          "clientId": {
            "$ref": "#/components/schemas/Guid",
            "description": "Application (client) id, the token's `appid`."
          },
          "displayName": {
            "$ref": "#/components/schemas/ShortText",
            "description": "Display name; the service reports it as `requestor` on actions the app creates."
          },
          "clientSecret": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256,
            "description": "Demo client secret (printed on start)."
          },
          "certificatePem": {
            "type": "string",
            "maxLength": 65536,
            "description": "PEM of the registered certificate, for `client_assertion` (certificate credentials)."
          },
          "roles": {
            "type": "array",
            "maxItems": 200,
            "items": {
              "$ref": "#/components/schemas/ShortText"
            },
            "description": "Application permissions on the WindowsDefenderATP API (token `roles`)."
          },
          "delegatedScopes": {
            "type": "array",
            "maxItems": 200,
            "items": {
              "$ref": "#/components/schemas/ShortText"
            },
            "description": "Delegated permissions consented for this app (token `scp` in user tokens)."
          },
          "isPublicClient": {
            "type": "boolean",
            "description": "A public client (resource-owner password flow without a secret)."
          },
          "federatedCredentials": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "$ref": "#/components/schemas/FederatedCredential"
            },
            "description": "Workload identity federation: a `client_assertion` from another identity provider is accepted in place of a secret when its `iss`, `sub` and `aud` match one of these exactly."
          }
        }
      },
      "UserAccount": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "objectId",
          "userPrincipalName",
          "displayName",
          "password",
          "mdeRoles",
          "deviceGroups"
        ],
        "properties": {
          "objectId": {
            "$ref": "#/components/schemas/Guid",
            "description": "Object id (token `oid`)."
          },
          "userPrincipalName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256
          },
          "displayName": {
            "$ref": "#/components/schemas/ShortText"
          },
          "password": {
            "type": "string",
            "maxLength": 256,
            "description": "Demo password for the resource-owner password flow."
          },
          "mdeRoles": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/ShortText"
            },
            "description": "MDE portal role permissions, e.g. `Active remediation actions`, `View Data`."
          },
          "deviceGroups": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/ShortText"
            },
            "description": "Device groups (machine `rbacGroupName`) the user can access; `*` means all."
          }
        }
      },
      "MachineSeed": {
        "type": "object",
        "description": "A machine: every property of the API's `Machine` entity (all optional but `id` and\n`computerDnsName`; omitted ones get demo defaults), plus `sim`, how it behaves.\n",
        "x-properties-from": "defender-machine-actions.yaml#/components/schemas/Machine",
        "additionalProperties": false,
        "required": [
          "id",
          "computerDnsName"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[0-9a-fA-F]{40}$",
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
            "type": "string",
            "minLength": 1,
            "maxLength": 256
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
          },
          "sim": {
            "$ref": "#/components/schemas/MachineBehaviour"
          }
        }
      },
      "MachineBehaviour": {
        "type": "object",
        "description": "How a simulated machine behaves when actions reach it.",
        "additionalProperties": false,
        "properties": {
          "online": {
            "type": "boolean",
            "description": "An offline machine never picks actions up; they stay Pending and end TimeOut."
          },
          "outcome": {
            "type": "string",
            "enum": [
              "succeed",
              "fail"
            ]
          },
          "restricted": {
            "type": "boolean",
            "description": "Whether app execution is currently restricted on the machine."
          },
          "pickupDelayMs": {
            "type": "number",
            "minimum": 0,
            "maximum": 31536000000
          },
          "executionMs": {
            "type": "number",
            "minimum": 0,
            "maximum": 31536000000
          },
          "isolation": {
            "type": "string",
            "enum": [
              "None",
              "Full",
              "Selective",
              "UnManagedDevice"
            ],
            "description": "Whether the device is isolated, and how (`None` when it is not). A succeeded isolate sets it to its\nIsolationType (`Full` when none was sent), a succeeded unisolate to `None`. The Machine entity has\nno such field: this is simulator state. @default None\n"
          },
          "files": {
            "type": "array",
            "maxItems": 10000,
            "items": {
              "type": "string",
              "pattern": "^[0-9a-fA-F]{40}$"
            },
            "description": "SHA-1s of the files the device has seen. StopAndQuarantineFile for another hash is answered 404\n\"Sha1 … was not found in machine …\". Absent: every hash counts as seen.\n"
          },
          "quarantinedFiles": {
            "type": "array",
            "maxItems": 10000,
            "items": {
              "type": "string",
              "pattern": "^[0-9a-fA-F]{40}$"
            },
            "description": "SHA-1s a succeeded StopAndQuarantineFile has quarantined on the device (lower case)."
          },
          "lastAntivirusScan": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "scanType",
              "completedAt"
            ],
            "description": "The last antivirus scan that succeeded on the device.",
            "properties": {
              "scanType": {
                "type": "string",
                "enum": [
                  "Quick",
                  "Full"
                ]
              },
              "completedAt": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "offboardedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When a succeeded offboard stopped the sensor. The device is offline from then on (`online` false)\nand its `healthStatus` becomes `Inactive` 7 days later.\n"
          }
        }
      },
      "MachineSummary": {
        "type": "object",
        "required": [
          "id",
          "computerDnsName",
          "osPlatform",
          "rbacGroupName",
          "healthStatus",
          "online",
          "outcome",
          "restricted",
          "isolation"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "computerDnsName": {
            "type": [
              "string",
              "null"
            ]
          },
          "osPlatform": {
            "type": [
              "string",
              "null"
            ]
          },
          "rbacGroupName": {
            "type": [
              "string",
              "null"
            ]
          },
          "healthStatus": {
            "type": [
              "string",
              "null"
            ]
          },
          "online": {
            "type": "boolean"
          },
          "outcome": {
            "type": "string",
            "enum": [
              "succeed",
              "fail"
            ]
          },
          "restricted": {
            "type": "boolean"
          },
          "isolation": {
            "type": "string",
            "enum": [
              "None",
              "Full",
              "Selective",
              "UnManagedDevice"
            ]
          },
          "quarantinedFiles": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "lastAntivirusScan": {
            "type": "object",
            "required": [
              "scanType",
              "completedAt"
            ],
            "properties": {
              "scanType": {
                "type": "string"
              },
              "completedAt": {
                "type": "string"
              }
            }
          },
          "offboardedAt": {
            "type": "string"
          }
        }
      },
      "TenantSummary": {
        "type": "object",
        "required": [
          "id",
          "domain",
          "displayName",
          "apps",
          "users",
          "machines"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "domain": {
            "type": "string"
          },
          "displayName": {
            "type": "string"
          },
          "apps": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AppSummary"
            }
          },
          "users": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/UserSummary"
            }
          },
          "machines": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MachineSummary"
            }
          }
        }
      },
      "AppSummary": {
        "type": "object",
        "description": "An app registration with its demo credentials.",
        "required": [
          "clientId",
          "displayName",
          "clientSecret",
          "hasCertificate",
          "isPublicClient",
          "roles",
          "delegatedScopes"
        ],
        "properties": {
          "clientId": {
            "type": "string"
          },
          "displayName": {
            "type": "string"
          },
          "clientSecret": {
            "type": [
              "string",
              "null"
            ]
          },
          "hasCertificate": {
            "type": "boolean"
          },
          "isPublicClient": {
            "type": "boolean"
          },
          "roles": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "delegatedScopes": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "UserSummary": {
        "type": "object",
        "description": "A user with the demo password.",
        "required": [
          "objectId",
          "userPrincipalName",
          "displayName",
          "password",
          "mdeRoles",
          "deviceGroups"
        ],
        "properties": {
          "objectId": {
            "type": "string"
          },
          "userPrincipalName": {
            "type": "string"
          },
          "displayName": {
            "type": "string"
          },
          "password": {
            "type": "string"
          },
          "mdeRoles": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "deviceGroups": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "RateLimitWindow": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "limit",
          "windowSeconds"
        ],
        "properties": {
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100000000,
            "description": "Calls admitted per window (millions are fine for load tests; memory follows the calls made, not the limit)."
          },
          "windowSeconds": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2592000
          }
        }
      },
      "WindowUsage": {
        "type": "object",
        "required": [
          "limit",
          "windowSeconds",
          "used",
          "remaining"
        ],
        "properties": {
          "limit": {
            "type": "integer"
          },
          "windowSeconds": {
            "type": "integer"
          },
          "used": {
            "type": "integer",
            "minimum": 0,
            "description": "Admitted calls still inside the window."
          },
          "remaining": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "CallerUsage": {
        "type": "object",
        "required": [
          "tenantId",
          "clientId",
          "displayName",
          "operations"
        ],
        "properties": {
          "tenantId": {
            "type": "string"
          },
          "clientId": {
            "type": "string"
          },
          "displayName": {
            "type": [
              "string",
              "null"
            ]
          },
          "operations": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "operationId",
                "windows",
                "throttled",
                "earlyRetries",
                "honouredRetries"
              ],
              "properties": {
                "operationId": {
                  "type": "string"
                },
                "windows": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/WindowUsage"
                  }
                },
                "throttled": {
                  "type": "integer",
                  "description": "429 answers given."
                },
                "earlyRetries": {
                  "type": "integer",
                  "description": "Calls made before the last Retry-After had elapsed."
                },
                "honouredRetries": {
                  "type": "integer"
                }
              }
            }
          }
        }
      },
      "ActivityEvent": {
        "type": "object",
        "required": [
          "seq",
          "time",
          "tenantId",
          "actionId",
          "type",
          "status",
          "machineId",
          "computerDnsName",
          "requestor"
        ],
        "properties": {
          "seq": {
            "type": "integer"
          },
          "time": {
            "type": "string",
            "format": "date-time"
          },
          "tenantId": {
            "type": "string"
          },
          "actionId": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "status": {
            "type": "string"
          },
          "machineId": {
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
          "requestor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "ActivityPage": {
        "type": "object",
        "required": [
          "generation",
          "latest",
          "truncated",
          "events"
        ],
        "properties": {
          "generation": {
            "type": "integer"
          },
          "latest": {
            "type": "integer"
          },
          "truncated": {
            "type": "boolean"
          },
          "events": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ActivityEvent"
            }
          }
        }
      },
      "RateLimitSetting": {
        "type": "object",
        "description": "Whether quotas apply, and windows per operationId replacing the spec's `x-mde-rate-limits`.",
        "additionalProperties": false,
        "properties": {
          "enabled": {
            "type": "boolean"
          },
          "limits": {
            "type": "object",
            "description": "Keys are the API's operationIds; an unknown one is refused.",
            "additionalProperties": {
              "type": "array",
              "maxItems": 8,
              "items": {
                "$ref": "#/components/schemas/RateLimitWindow"
              }
            }
          }
        }
      },
      "ClockChange": {
        "type": "object",
        "additionalProperties": false,
        "minProperties": 1,
        "properties": {
          "mode": {
            "type": "string",
            "enum": [
              "frozen",
              "running"
            ]
          },
          "set": {
            "description": "An ISO date-time, or ms since the epoch (years 1970 to 9999).",
            "oneOf": [
              {
                "type": "string",
                "format": "date-time"
              },
              {
                "type": "number",
                "minimum": 0,
                "maximum": 253402300799999
              }
            ]
          },
          "advanceMs": {
            "type": "number",
            "minimum": 0,
            "maximum": 3153600000000,
            "description": "Up to 100 years."
          }
        }
      },
      "FaultMatch": {
        "type": "object",
        "additionalProperties": false,
        "description": "Which calls a plan applies to; omitted fields match everything.",
        "properties": {
          "operationId": {
            "type": "string",
            "description": "An operationId of the API; an unknown one is refused."
          },
          "tenantId": {
            "type": "string"
          },
          "machineId": {
            "type": "string"
          }
        }
      },
      "FaultEffect": {
        "type": "object",
        "description": "What a plan does to a call it fires on.",
        "discriminator": {
          "propertyName": "kind",
          "mapping": {
            "status": "#/components/schemas/StatusFault",
            "latency": "#/components/schemas/LatencyFault",
            "drop": "#/components/schemas/DropFault"
          }
        },
        "oneOf": [
          {
            "$ref": "#/components/schemas/StatusFault"
          },
          {
            "$ref": "#/components/schemas/LatencyFault"
          },
          {
            "$ref": "#/components/schemas/DropFault"
          }
        ]
      },
      "StatusFault": {
        "type": "object",
        "description": "Answer with this status (and an MDE error body).",
        "additionalProperties": false,
        "required": [
          "kind",
          "status"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "const": "status"
          },
          "status": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599
          },
          "code": {
            "$ref": "#/components/schemas/ShortText"
          },
          "message": {
            "type": "string",
            "maxLength": 4096
          },
          "retryAfterSeconds": {
            "type": "integer",
            "minimum": 0,
            "maximum": 86400
          }
        }
      },
      "LatencyFault": {
        "type": "object",
        "description": "Wait on the simulator clock (`delayMs`, or a seeded uniform draw from `minMs` to `maxMs`).",
        "additionalProperties": false,
        "required": [
          "kind"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "const": "latency"
          },
          "delayMs": {
            "type": "number",
            "minimum": 0,
            "maximum": 86400000
          },
          "minMs": {
            "type": "number",
            "minimum": 0,
            "maximum": 86400000
          },
          "maxMs": {
            "type": "number",
            "minimum": 0,
            "maximum": 86400000
          }
        }
      },
      "DropFault": {
        "type": "object",
        "description": "Destroy the connection without an answer.",
        "additionalProperties": false,
        "required": [
          "kind"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "const": "drop"
          }
        }
      },
      "FaultPlanInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "effect"
        ],
        "properties": {
          "id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 128,
            "pattern": "^[A-Za-z0-9._:-]+$"
          },
          "match": {
            "$ref": "#/components/schemas/FaultMatch"
          },
          "effect": {
            "$ref": "#/components/schemas/FaultEffect"
          },
          "count": {
            "type": "integer",
            "minimum": 1,
            "maximum": 1000000000,
            "description": "Fire on the next `count` matching calls, then retire."
          },
          "probability": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Or fire on this fraction of matching calls, chosen by a seeded random source."
          },
          "seed": {
            "oneOf": [
              {
                "type": "string",
                "maxLength": 256
              },
              {
                "type": "integer"
              }
            ]
          }
        }
      },
      "FaultPlan": {
        "type": "object",
        "required": [
          "id",
          "effect",
          "fired"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "match": {
            "$ref": "#/components/schemas/FaultMatch"
          },
          "effect": {
            "$ref": "#/components/schemas/FaultEffect"
          },
          "count": {
            "type": "integer"
          },
          "probability": {
            "type": "number"
          },
          "seed": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "integer"
              }
            ]
          },
          "fired": {
            "type": "integer"
          }
        }
      },
      "MintTokenRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "tenantId"
        ],
        "properties": {
          "tenantId": {
            "type": "string",
            "minLength": 1,
            "description": "Tenant id or domain."
          },
          "clientId": {
            "type": "string",
            "description": "The app the token is for; its roles and display name fill the claims. @default the tenant's first app"
          },
          "user": {
            "type": "string",
            "description": "A user (UPN or object id) makes a delegated token with the app's scopes."
          },
          "claims": {
            "type": "object",
            "additionalProperties": true,
            "description": "Claims to set or override, of any type (so tests can forge tokens; types are checked where a token is verified)."
          },
          "lifetimeSeconds": {
            "type": "integer",
            "minimum": 0,
            "maximum": 315360000
          },
          "signWith": {
            "type": "string",
            "enum": [
              "current",
              "untrusted"
            ]
          }
        }
      },
      "PersistedState": {
        "type": "object",
        "description": "The state file of `mde-sim serve --persist` (`<state-dir>/state.json`), also what\n`simulator.snapshot()` returns and `simulator.restore()` takes. Not an HTTP body.\n",
        "additionalProperties": false,
        "required": [
          "format",
          "version",
          "savedAt",
          "clock",
          "state"
        ],
        "properties": {
          "format": {
            "type": "string",
            "const": "mde-sim-state"
          },
          "version": {
            "type": "integer",
            "const": 1
          },
          "savedAt": {
            "type": "string",
            "format": "date-time"
          },
          "clock": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "mode",
              "nowMs"
            ],
            "properties": {
              "mode": {
                "type": "string",
                "enum": [
                  "running",
                  "frozen"
                ]
              },
              "nowMs": {
                "type": "number",
                "minimum": 0,
                "maximum": 253402300799999
              }
            }
          },
          "state": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "seeds",
              "tenants",
              "rateLimits",
              "faults"
            ],
            "properties": {
              "seeds": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/TenantSeed"
                }
              },
              "tenants": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/TenantSnapshot"
                }
              },
              "rateLimits": {
                "type": "object",
                "additionalProperties": {
                  "$ref": "#/components/schemas/RateLimitSetting"
                }
              },
              "faults": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "plan",
                    "draws"
                  ],
                  "properties": {
                    "plan": {
                      "$ref": "#/components/schemas/FaultPlan"
                    },
                    "draws": {
                      "type": "integer",
                      "minimum": 0
                    }
                  }
                }
              }
            }
          }
        }
      },
      "TenantSnapshot": {
        "type": "object",
        "description": "A tenant as persisted, its current identity and machines (seed form) and its stored actions.",
        "additionalProperties": false,
        "required": [
          "seed",
          "actions"
        ],
        "properties": {
          "seed": {
            "$ref": "#/components/schemas/TenantSeed"
          },
          "packageLinks": {
            "type": "array",
            "description": "Investigation-package download links handed out by getPackageUri and not yet expired.",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "token",
                "actionId",
                "expiresAtMs"
              ],
              "properties": {
                "token": {
                  "type": "string",
                  "pattern": "^[0-9a-f]{64}$"
                },
                "actionId": {
                  "type": "string"
                },
                "expiresAtMs": {
                  "type": "number"
                }
              }
            }
          },
          "actions": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "action",
                "createdAtMs"
              ],
              "properties": {
                "action": {
                  "$ref": "#/components/schemas/StoredAction"
                },
                "createdAtMs": {
                  "type": "number"
                },
                "finishedAtMs": {
                  "type": "number"
                },
                "next": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "atMs",
                    "to"
                  ],
                  "properties": {
                    "atMs": {
                      "type": "number"
                    },
                    "to": {
                      "type": "string",
                      "enum": [
                        "InProgress",
                        "Succeeded",
                        "Failed",
                        "TimeOut",
                        "Cancelled"
                      ]
                    }
                  }
                }
              }
            }
          }
        }
      },
      "StoredAction": {
        "type": "object",
        "description": "A machine action as the API serializes it, without `@odata.context`.",
        "x-properties-from": "defender-machine-actions.yaml#/components/schemas/MachineAction",
        "additionalProperties": false,
        "required": [
          "id",
          "type",
          "requestor",
          "requestorComment",
          "status",
          "machineId",
          "creationDateTimeUtc",
          "lastUpdateDateTimeUtc"
        ],
        "properties": {
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
      "ServeConfig": {
        "type": "object",
        "description": "The `mde-sim serve --config <file>` JSON file. Every field is optional; flags and environment variables win.",
        "additionalProperties": false,
        "properties": {
          "host": {
            "type": "string",
            "minLength": 1
          },
          "port": {
            "type": "integer",
            "minimum": 0,
            "maximum": 65535
          },
          "httpsPort": {
            "description": "null switches HTTPS off, as `--no-https` does.",
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 65535
          },
          "stateDir": {
            "type": "string",
            "minLength": 1
          },
          "seedFile": {
            "type": "string",
            "minLength": 1
          },
          "clock": {
            "type": "string",
            "enum": [
              "running",
              "frozen"
            ]
          },
          "seed": {
            "oneOf": [
              {
                "type": "string",
                "maxLength": 256
              },
              {
                "type": "integer"
              }
            ]
          },
          "duplicatePolicy": {
            "type": "string",
            "enum": [
              "reject",
              "return-pending"
            ]
          },
          "forbiddenWording": {
            "type": "string",
            "enum": [
              "current",
              "legacy"
            ]
          },
          "rateLimits": {
            "description": "true (the spec's quotas), false (off), or windows per operationId (load tests raise them).",
            "oneOf": [
              {
                "type": "boolean"
              },
              {
                "$ref": "#/components/schemas/RateLimitSetting"
              }
            ]
          },
          "lifecycle": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "pickupDelayMs": {
                "type": "number",
                "minimum": 0,
                "maximum": 31536000000
              },
              "executionMs": {
                "type": "number",
                "minimum": 0,
                "maximum": 31536000000
              },
              "offlineTimeoutMs": {
                "type": "number",
                "minimum": 0,
                "maximum": 31536000000
              }
            }
          },
          "retention": {
            "description": "false keeps every action; otherwise how long final actions are kept.",
            "oneOf": [
              {
                "type": "boolean",
                "const": false
              },
              {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "maxAgeDays": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "minimum": 0,
                    "maximum": 36500
                  },
                  "maxFinalActions": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 0,
                    "maximum": 100000000
                  }
                }
              }
            ]
          },
          "logLevel": {
            "type": "string",
            "enum": [
              "fatal",
              "error",
              "warn",
              "info",
              "debug",
              "silent"
            ]
          },
          "allowRemote": {
            "type": "boolean"
          },
          "controlToken": {
            "type": "string",
            "minLength": 16,
            "maxLength": 512
          },
          "publicHosts": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 253
            }
          },
          "proxyPort": {
            "description": "Port of the proxy mode (`--proxy-port`); null for none.",
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 65535
          },
          "record": {
            "type": "boolean",
            "description": "Start with traffic recording on (`--record`)."
          },
          "publicOrigin": {
            "type": "string",
            "description": "Origin written into host-bearing values such as `@odata.context` (`--public-origin`)."
          },
          "persist": {
            "type": "boolean"
          },
          "persistIntervalMs": {
            "type": "integer",
            "minimum": 10,
            "maximum": 3600000
          }
        }
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
      }
    }
  }
} as const;
