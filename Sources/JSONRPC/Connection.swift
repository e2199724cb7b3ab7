import Foundation
import JSONSupport

/// A JSON-RPC connection over two file descriptors (standard input and output for a language server):
/// reads framed messages and hands them on, writes framed messages. Writing is safe from any thread.
public final class Connection: @unchecked Sendable {
    private let input: Int32
    private let output: Int32
    private let writeLock = NSLock()

    /// A connection reading `input` and writing `output`.
    public init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    /// Sends one message.
    public func send(_ message: JSONValue) {
        let framed = MessageFramer.frame(message.utf8(pretty: false))
        writeLock.lock()
        defer { writeLock.unlock() }
        framed.withUnsafeBytes { buf in
            var done = 0
            while done < buf.count {
                let n = write(output, buf.baseAddress! + done, buf.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                done += n
            }
        }
    }

    /// Reads until the end of input or until `handle` returns false. Each frame is passed on as it
    /// completes, on the calling thread.
    public func readLoop(_ handle: (MessageFramer.Frame) -> Bool) {
        var framer = MessageFramer()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            framer.append(chunk[0..<n])
            while let frame = framer.next() {
                guard handle(frame) else { return }
            }
        }
    }
}
