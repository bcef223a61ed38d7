import Foundation

/// A JSON Schema (draft 2020-12) validator for exactly the keywords gxconvert's schemas use:
/// `type` (a name or a list), `enum`, `const`, `pattern`, `minimum`, `required`, `properties`,
/// `additionalProperties` (boolean or schema), `items`, `$ref` to `#/$defs/…`, and the
/// annotations `$schema`, `$id`, `title`, `description`. A schema with any other keyword is
/// refused, so the tests can never pass by silently ignoring a constraint.
struct SchemaValidator {
    struct SchemaError: Error, CustomStringConvertible {
        let description: String
    }

    static let supported: Set<String> = ["$schema", "$id", "title", "description", "type", "enum", "const", "pattern",
                                         "minimum", "maximum", "minItems", "maxItems", "required", "properties", "additionalProperties", "items", "$ref", "$defs"]

    let root: TestJSON
    private let defs: [String: TestJSON]

    init(schema: TestJSON) throws {
        root = schema
        var defs: [String: TestJSON] = [:]
        if case .object(let members)? = schema["$defs"] { for (k, v) in members { defs[k] = v } }
        self.defs = defs
        try Self.audit(schema, at: "#", defs: defs)
    }

    private static func audit(_ schema: TestJSON, at path: String, defs: [String: TestJSON]) throws {
        if case .bool = schema { return }
        guard case .object(let members) = schema else { throw SchemaError(description: "\(path): a schema must be an object or boolean") }
        for (key, value) in members {
            guard supported.contains(key) else { throw SchemaError(description: "\(path): unsupported keyword \(key)") }
            switch key {
            case "properties", "$defs":
                guard case .object(let subs) = value else { throw SchemaError(description: "\(path)/\(key): not an object") }
                for (name, sub) in subs { try audit(sub, at: "\(path)/\(key)/\(name)", defs: defs) }
            case "additionalProperties", "items":
                try audit(value, at: "\(path)/\(key)", defs: defs)
            case "$ref":
                guard case .string(let ref) = value, ref.hasPrefix("#/$defs/"), defs[String(ref.dropFirst(8))] != nil else {
                    throw SchemaError(description: "\(path): unresolvable $ref \(value)")
                }
            case "pattern":
                guard case .string(let p) = value, (try? NSRegularExpression(pattern: p)) != nil else {
                    throw SchemaError(description: "\(path): bad pattern")
                }
            default: break
            }
        }
    }

    /// Every violation, as `JSON-pointer: what is wrong`; empty when the instance is valid.
    func validate(_ instance: TestJSON) -> [String] {
        var errors: [String] = []
        check(root, instance, at: "", into: &errors)
        return errors
    }

    private func check(_ schema: TestJSON, _ value: TestJSON, at path: String, into errors: inout [String]) {
        if case .bool(let allowed) = schema {
            if !allowed { errors.append("\(path): not allowed here") }
            return
        }
        let at = path.isEmpty ? "/" : path
        if case .string(let ref)? = schema["$ref"], let target = defs[String(ref.dropFirst(8))] {
            check(target, value, at: path, into: &errors)
        }
        if let type = schema["type"] {
            let names: [String]
            switch type {
            case .string(let s): names = [s]
            case .array(let list): names = list.compactMap { if case .string(let s) = $0 { s } else { nil } }
            default: names = []
            }
            if !names.contains(where: { Self.matches(type: $0, value) }) {
                errors.append("\(at): expected \(names.joined(separator: " or ")), found \(Self.typeName(value))")
                return
            }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            errors.append("\(at): \(value) is not one of the allowed values")
        }
        if let constant = schema["const"], constant != value { errors.append("\(at): must be \(constant)") }
        if case .string(let pattern)? = schema["pattern"], case .string(let s) = value,
           let regex = try? NSRegularExpression(pattern: pattern),
           regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil {
            errors.append("\(at): '\(s)' does not match \(pattern)")
        }
        if case .number(let minimum, _)? = schema["minimum"], case .number(let n, _) = value, n < minimum {
            errors.append("\(at): \(n) is below the minimum \(minimum)")
        }
        if case .number(let maximum, _)? = schema["maximum"], case .number(let n, _) = value, n > maximum {
            errors.append("\(at): \(n) is above the maximum \(maximum)")
        }
        if case .array(let items) = value {
            if case .number(let least, _)? = schema["minItems"], Double(items.count) < least {
                errors.append("\(at): \(items.count) items, fewer than \(Int(least))")
            }
            if case .number(let most, _)? = schema["maxItems"], Double(items.count) > most {
                errors.append("\(at): \(items.count) items, more than \(Int(most))")
            }
        }
        if case .object(let members) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where !members.contains(where: { $0.0 == key }) {
                    errors.append("\(at): missing required key \(key)")
                }
            }
            var properties: [String: TestJSON] = [:]
            if case .object(let props)? = schema["properties"] { for (k, v) in props { properties[k] = v } }
            for (key, member) in members {
                if let sub = properties[key] { check(sub, member, at: "\(path)/\(key)", into: &errors) }
                else if let extra = schema["additionalProperties"] { check(extra, member, at: "\(path)/\(key)", into: &errors) }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { check(itemSchema, item, at: "\(path)/\(i)", into: &errors) }
        }
    }

    static func matches(type: String, _ value: TestJSON) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
             ("number", .number): return true
        case ("integer", .number(let d, let isInteger)): return isInteger || d == d.rounded()
        default: return false
        }
    }

    static func typeName(_ value: TestJSON) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(_, let isInteger): return isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
