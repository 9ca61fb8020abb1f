import Domain
import Foundation
import Store
import Web

/// A JSON value for API responses, written with `JSONSerialization` so strings are escaped by Foundation.
enum JSONNode {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case null
    case array([JSONNode])
    case object(JSONObject)

    var foundationValue: Any {
        switch self {
        case .string(let value): return value
        case .integer(let value): return NSNumber(value: value)
        case .bool(let value): return NSNumber(value: value)
        case .null: return NSNull()
        case .array(let values): return values.map(\.foundationValue)
        case .object(let object): return object.foundationValue
        }
    }
}

/// A JSON object with keys in insertion order.
struct JSONObject {
    private(set) var pairs: [(String, JSONNode)] = []

    mutating func add(_ key: String, _ value: JSONNode) {
        pairs.append((key, value))
    }

    var foundationValue: [String: Any] {
        Dictionary(pairs.map { ($0.0, $0.1.foundationValue) }, uniquingKeysWith: { _, last in last })
    }
}

extension APISite {
    static func json(_ object: JSONObject, status: Int = 200) -> Response {
        let data =
            (try? JSONSerialization.data(withJSONObject: object.foundationValue, options: [.sortedKeys])) ?? Data()
        return Response(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: Array(data))
    }

    /// Encodes an amount as a decimal string with a dot and two decimals (`"1234.50"`), exact unlike a JSON number.
    static func money(_ money: Money) -> JSONNode {
        let magnitude = money.minorUnits.magnitude
        let sign = money.minorUnits < 0 ? "-" : ""
        return .string("\(sign)\(magnitude / 100).\(String(magnitude % 100).leftPadded(to: 2))")
    }

    static func summary(_ batch: ImportBatchSummary, changes: [ReceivableChange]?) -> JSONObject {
        var object = JSONObject()
        object.add("id", .integer(batch.id))
        object.add("status", .string(batch.status.rawValue))
        object.add("message", .string(batch.message))
        object.add("file_name", .string(batch.fileName))
        object.add("format", .string(batch.format))
        object.add("mode", .string(batch.mode))
        object.add("partial", .bool(batch.partial))
        object.add("created_at", .string(ISO8601DateFormatter().string(from: batch.createdAt)))

        var counts = JSONObject()
        counts.add("rows", .integer(Int64(batch.rowCount)))
        counts.add("new", .integer(Int64(batch.newCount)))
        counts.add("updated", .integer(Int64(batch.updatedCount)))
        counts.add("paid", .integer(Int64(batch.paidCount)))
        counts.add("cancelled", .integer(Int64(batch.cancelledCount)))
        counts.add("unchanged", .integer(Int64(batch.unchangedCount)))
        counts.add("rejected", .integer(Int64(batch.rejectedCount)))
        object.add("counts", .object(counts))

        object.add(
            "issues",
            .array(
                batch.issues.map { issue in
                    var item = JSONObject()
                    item.add("line", .integer(Int64(issue.line)))
                    item.add("field", .string(issue.field))
                    item.add("value", .string(issue.value))
                    item.add("reason", .string(issue.reason))
                    return .object(item)
                }))

        if let changes {
            object.add(
                "changes",
                .array(
                    changes.map { change in
                        var item = JSONObject()
                        item.add("line", .integer(Int64(change.line)))
                        item.add("external_id", .string(change.externalID))
                        item.add("invoice_number", .string(change.invoiceNumber))
                        item.add("change", .string(change.kind.rawValue))
                        item.add("status", .string(change.newStatus.rawValue))
                        item.add("remaining_before", change.oldRemaining.map(money) ?? .null)
                        item.add("remaining", money(change.newRemaining))
                        return .object(item)
                    }))
        }
        return object
    }

    static func receivableJSON(_ receivable: StoredReceivable) -> JSONObject {
        var object = JSONObject()
        object.add("id", .integer(receivable.id))
        object.add("external_id", .string(receivable.externalID))
        object.add("invoice_number", .string(receivable.invoiceNumber))
        object.add("variable_symbol", .string(receivable.variableSymbol))
        object.add("debtor_id", .integer(receivable.debtorID))
        object.add("debtor_name", .string(receivable.debtorName))
        object.add("issue_date", receivable.issueDate.map { .string($0.iso) } ?? .null)
        object.add("due_date", .string(receivable.dueDate.iso))
        object.add("currency", .string(receivable.total.currency.rawValue))
        object.add("total", money(receivable.total))
        object.add("remaining", money(receivable.remaining))
        object.add("status", .string(receivable.status.rawValue))
        object.add("time_barred", .bool(receivable.timeBarred))
        object.add("source", .string(receivable.source))
        return object
    }
}
