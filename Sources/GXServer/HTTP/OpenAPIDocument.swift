import GXExport
import GXModel

/// The API described as OpenAPI 3.1, served at /api/v1/openapi.json. GXServerTests hold it to the
/// routes and to every status the tests see; schemathesis (Tools/serve/schemathesis.sh) holds it
/// to the answers.
/// The input and output format lists come from the enums themselves, so a new reader or writer
/// appears here without an edit.
enum OpenAPIDocument {
    static func list(_ names: [String]) -> String { "[" + names.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }

    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "gxconvert serve",
    "version": "1.0.0",
    "description": "Upload 政府信息公开工作年度报告 (DOCX, HTML, text) and get back exactly what the gxconvert command line writes, or its findings. Errors are {\"error\": {\"code\", \"message\", \"where\"}}."
  },
  "servers": [{"url": "/"}],
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "Required when the service was started with --auth-token (always when it listens beyond loopback)."}},
    "parameters": {
      "name": {"name": "name", "in": "query", "required": false, "description": "The upload's name: the report's source.path and the download's file name. 1-255 bytes, no control characters.", "schema": {"type": "string", "minLength": 1, "maxLength": 255}},
      "from": {"name": "from", "in": "query", "required": false, "description": "Read as this format instead of sniffing.", "schema": {"type": "string", "enum": \#(list(SourceFormat.allCases.map(\.rawValue)))}},
      "blank_as_zero": {"name": "blank_as_zero", "in": "query", "required": false, "description": "Count blank table cells as 0 when checking the arithmetic.", "schema": {"type": "boolean"}}
    },
    "requestBodies": {
      "one": {
        "required": true,
        "description": "The file itself, or a multipart form with one part named file.",
        "content": {
          "application/octet-stream": {"schema": {"type": "string", "contentMediaType": "application/octet-stream"}},
          "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {"file": {"type": "string", "contentMediaType": "application/octet-stream"}}}}
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object", "required": ["error"], "additionalProperties": false,
        "properties": {"error": {"type": "object", "required": ["code", "message", "where"], "additionalProperties": false,
          "properties": {"code": {"type": "string", "pattern": "^GX-E-[A-Z-]+$"}, "message": {"type": "string"},
            "where": {"type": ["object", "null"], "description": "The parameter at fault, or the file and the place in it (part, line, column, table, row, cell, paragraph, element)."}}}}
      },
      "Diagnostic": {
        "type": "object", "required": ["code", "severity", "message", "paths"],
        "properties": {"code": {"type": "string"}, "severity": {"enum": ["error", "warning", "info"]}, "subject": {"type": "string"},
          "message": {"type": "string"}, "message_zh": {"type": "string"}, "paths": {"type": "array", "items": {"type": "string"}},
          "cells": {"type": "array", "items": {"type": "object", "required": ["path", "text", "source"]}},
          "left": {"type": "number"}, "right": {"type": "number"}, "difference": {"type": "number"}, "source": {"type": "object"}}
      },
      "Report": {"type": "object", "required": ["schema", "source", "diagnostics"], "description": "The canonical report JSON (Schemas/gxconvert.report-1.schema.json).",
        "properties": {"schema": {"const": "gxconvert.report/1"}, "source": {"type": "object"}, "agency": {"type": ["string", "null"]}, "year": {"type": ["integer", "null"]},
          "diagnostics": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}}}},
      "Validation": {
        "type": "object", "required": ["schema", "reports", "cross_year", "unreadable", "summary"],
        "properties": {"schema": {"const": "gxconvert.validation/1"},
          "reports": {"type": "array", "items": {"type": "object", "required": ["path", "agency", "year", "errors", "warnings", "diagnostics"],
            "properties": {"path": {"type": "string"}, "agency": {"type": ["string", "null"]}, "year": {"type": ["integer", "null"]},
              "errors": {"type": "integer"}, "warnings": {"type": "integer"}, "diagnostics": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}}}}},
          "cross_year": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}},
          "unreadable": {"type": "array", "items": {"type": "object", "required": ["path", "code", "message"]}},
          "summary": {"type": "object", "required": ["reports", "errors", "warnings", "unreadable"]}}
      }
    },
    "responses": {
      "BadRequest": {"description": "A parameter or the body's shape is wrong (GX-E-REQUEST).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unauthorized": {"description": "Missing or wrong bearer token (GX-E-AUTH).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "TooLarge": {"description": "The body passed --max-upload-mb (GX-E-LIMIT), refused while it streamed in.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unreadable": {"description": "The upload could not be read (the CLI's exit status 3), with the reader's code and place.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Busy": {"description": "Every worker and queue place is taken, or the service is shutting down (GX-E-BUSY).",
        "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}},
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  },
  "paths": {
    "/": {"get": {"operationId": "page", "summary": "The upload page (zh-CN).", "responses": {"200": {"description": "The page.", "content": {"text/html": {"schema": {"type": "string"}}}}}}},
    "/page.js": {"get": {"operationId": "pageScript", "summary": "The page's script (served apart, so the page's CSP allows no inline script).", "responses": {"200": {"description": "JavaScript.", "content": {"text/javascript": {"schema": {"type": "string"}}}}}}},
    "/page.css": {"get": {"operationId": "pageStyle", "summary": "The page's style sheet.", "responses": {"200": {"description": "CSS.", "content": {"text/css": {"schema": {"type": "string"}}}}}}},
    "/healthz": {"get": {"operationId": "health", "summary": "Liveness.", "responses": {
      "200": {"description": "Serving.", "content": {"application/json": {"schema": {"type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}, "workers": {"type": "integer"}, "capacity": {"type": "integer"}, "in_flight": {"type": "integer"}}}}}},
      "503": {"$ref": "#/components/responses/Busy"}}}},
    "/metrics": {"get": {"operationId": "metrics", "summary": "Prometheus text: requests by route and status, conversion time by input format, queue depth.", "security": [{}, {"bearer": []}],
      "responses": {"200": {"description": "Prometheus exposition format 0.0.4.", "content": {"text/plain": {"schema": {"type": "string"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
    "/api/v1/openapi.json": {"get": {"operationId": "openapi", "summary": "This document.", "responses": {"200": {"description": "OpenAPI 3.1.", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
    "/api/v1/convert": {"post": {
      "operationId": "convert", "summary": "Convert one report: exactly the bytes `gxconvert NAME --to TO` writes.", "security": [{}, {"bearer": []}],
      "parameters": [
        {"name": "to", "in": "query", "required": false, "schema": {"type": "string", "enum": \#(list(ExportFormat.allCases.map(\.rawValue))), "default": "json"}},
        {"$ref": "#/components/parameters/name"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/blank_as_zero"},
        {"name": "excel", "in": "query", "required": false, "description": "to=csv only: start with the UTF-8 BOM (--excel).", "schema": {"type": "boolean"}},
        {"name": "compact", "in": "query", "required": false, "description": "to=json only: one line (--compact).", "schema": {"type": "boolean"}}
      ],
      "requestBody": {"$ref": "#/components/requestBodies/one"},
      "responses": {
        "200": {"description": "The converted report, with Content-Disposition: attachment.",
          "headers": {"Content-Disposition": {"schema": {"type": "string"}}},
          "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Report"}},
            "text/csv": {"schema": {"type": "string"}}, "text/markdown": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}},
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"schema": {"type": "string", "contentMediaType": "application/zip"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
        "413": {"$ref": "#/components/responses/TooLarge"}, "422": {"$ref": "#/components/responses/Unreadable"},
        "503": {"$ref": "#/components/responses/Busy"}}}},
    "/api/v1/inspect": {"post": {
      "operationId": "inspect", "summary": "What the page shows for one upload: the canonical JSON and the `--to html` page.", "security": [{}, {"bearer": []}],
      "parameters": [{"$ref": "#/components/parameters/name"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/blank_as_zero"}],
      "requestBody": {"$ref": "#/components/requestBodies/one"},
      "responses": {
        "200": {"description": "The report.", "content": {"application/json": {"schema": {"type": "object", "required": ["schema", "status", "report", "html"],
          "properties": {"schema": {"const": "gxconvert.inspect/1"}, "status": {"enum": ["passed", "errors"]}, "report": {"$ref": "#/components/schemas/Report"}, "html": {"type": "string"}}}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
        "413": {"$ref": "#/components/responses/TooLarge"}, "422": {"$ref": "#/components/responses/Unreadable"},
        "503": {"$ref": "#/components/responses/Busy"}}}},
    "/api/v1/validate": {"post": {
      "operationId": "validate", "summary": "Check one or more reports: the JSON of `gxconvert validate --format json`, cross-year checks included. Unreadable files are listed in it, not refused.", "security": [{}, {"bearer": []}],
      "parameters": [{"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/blank_as_zero"}],
      "requestBody": {"required": true, "description": "Up to 20 parts named file (or one file as the body).",
        "content": {
          "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {"file": {"type": "array", "items": {"type": "string", "contentMediaType": "application/octet-stream"}}}}},
          "application/octet-stream": {"schema": {"type": "string", "contentMediaType": "application/octet-stream"}}}},
      "responses": {
        "200": {"description": "The findings.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Validation"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
        "413": {"$ref": "#/components/responses/TooLarge"}, "503": {"$ref": "#/components/responses/Busy"}}}}
  }
}
"""#
}
