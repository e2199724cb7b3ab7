import Foundation
import FuzzTargets

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The fuzz executable: libFuzzer's driver calls `LLVMFuzzerTestOneInput` once per input.
//
// SwiftPM renames an executable's entry point to `<module>_main` and points `main` at it, so libFuzzer's own `main`
// is never linked; this top-level code (that renamed entry point) hands over to libFuzzer's driver instead.

/// libFuzzer's driver (linked in by `-sanitize=fuzzer`): parses libFuzzer's options and calls back per input.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// One fuzz input: hands the bytes to the target named by DRAFTCHECK_FUZZ_TARGET.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.selected.run(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

_ = FuzzTarget.selected  // fail fast, with the list of targets, before libFuzzer starts
if let folder = ProcessInfo.processInfo.environment["DRAFTCHECK_FUZZ_WRITE_SEEDS"] {
    do {
        try FuzzTarget.selected.writeGeneratedSeeds(to: URL(fileURLWithPath: folder))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("draftcheck-fuzz: cannot write seeds to \(folder): \(error)\n".utf8))
        exit(1)
    }
}
var argumentCount = CommandLine.argc
var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &arguments, fuzzOneInput))
