import Foundation

// The benchmark's yardstick: the smallest Swift program that loads Foundation and does a little with
// it (reads its arguments and a file's attributes, writes a line), started and timed exactly like
// `draftcheck check`.
let path = CommandLine.arguments.dropFirst().first ?? "."
let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
FileHandle.standardOutput.write(Data("\(path): \(size) bytes\n".utf8))
