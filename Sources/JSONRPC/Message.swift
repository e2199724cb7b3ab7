import JSONSupport

/// A request id: a number or a string, echoed in the response.
public enum RequestID: Sendable, Hashable {
    case number(Int)
    case string(String)

    /// Reads an id; nil when it is neither an integer nor a string.
    public init?(json: JSONNode?) {
        if let n = json?.intValue {
            self = .number(n)
        } else if let s = json?.stringValue {
            self = .string(s)
        } else {
            return nil
        }
    }

    /// The id as JSON.
    public var json: JSONValue {
        switch self {
        case .number(let n): return .int(n)
        case .string(let s): return .string(s)
        }
    }
}

/// An error object of a JSON-RPC response.
public struct ResponseError: Error, Sendable {
    /// The code (see `ErrorCode` in LanguageServerProtocol).
    public var code: Int
    /// What went wrong, for people.
    public var message: String

    /// Creates an error.
    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    /// `{code, message}`.
    public var json: JSONValue { .object([("code", .int(code)), ("message", .string(message))]) }
}

/// One incoming JSON-RPC 2.0 message.
public enum Message: Sendable {
    /// A call that wants a response.
    case request(id: RequestID, method: String, params: JSONNode?)
    /// A call that wants none.
    case notification(method: String, params: JSONNode?)
    /// A response to something we sent.
    case response(id: RequestID?)
    /// Not a valid message; `id` when one could be read, to answer it.
    case invalid(id: RequestID?, error: ResponseError)

    /// Decodes a message body.
    public init(body: [UInt8]) {
        let root: JSONNode
        do {
            root = try JSONParser.parse(body)
        } catch {
            self = .invalid(
                id: nil, error: ResponseError(code: -32700, message: "the message is not valid JSON: \(error)"))
            return
        }
        self.init(root)
    }

    /// Decodes a parsed message.
    public init(_ root: JSONNode) {
        guard root.members != nil else {
            self = .invalid(id: nil, error: ResponseError(code: -32600, message: "a message must be a JSON object"))
            return
        }
        let id = RequestID(json: root["id"])
        guard let method = root["method"]?.stringValue else {
            if root["result"] != nil || root["error"] != nil {
                self = .response(id: id)
            } else {
                self = .invalid(id: id, error: ResponseError(code: -32600, message: "the message has no \"method\""))
            }
            return
        }
        let params = root["params"]
        if let rawID = root["id"], !rawID.isNull {
            guard let id else {
                self = .invalid(
                    id: nil, error: ResponseError(code: -32600, message: "the id must be an integer or a string"))
                return
            }
            self = .request(id: id, method: method, params: params)
        } else {
            self = .notification(method: method, params: params)
        }
    }

    /// A successful response.
    public static func response(id: RequestID, result: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id.json), ("result", result)])
    }

    /// An error response (`id` null when the request's id could not be read).
    public static func response(id: RequestID?, error: ResponseError) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id?.json ?? .null), ("error", error.json)])
    }

    /// A notification.
    public static func notification(method: String, params: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }
}
