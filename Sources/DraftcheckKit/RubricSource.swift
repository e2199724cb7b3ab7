import Foundation
import RubricEngine
import TextAnalyser

/// Why a rubric could not be had: the diagnostics to show, and whether it was only an unknown id
/// (a usage error on the command line).
public struct RubricProblem: Error, Sendable {
    /// Every problem, as `file:line:column: severity: message`.
    public var diagnostics: [Diagnostic]
    /// True when the id names no built-in rubric.
    public var isUnknownID: Bool {
        diagnostics.first?.rule == "unknown-rubric"
    }
    /// One line for a message box.
    public var summary: String {
        diagnostics.first.map(\.description) ?? "the rubric could not be loaded"
    }
}

/// Finds the built-in rubric library, loads rubrics by id or path and keeps each compiled rubric in
/// memory, so that a long-running process (the language server) compiles a rubric once. A rubric file
/// that changes on disk is loaded again.
public final class RubricSource: @unchecked Sendable {
    private let lock = NSLock()
    private var loader: RubricLoader?
    private var cache: [String: (stamp: Date?, rubric: Rubric)] = [:]
    private let library: RubricLibrary?
    private let validationMemo: ValidationMemo?
    private let lexiconStore: CompiledLexiconStore?

    /// A source over `library`, or over the built-in library found from the executable; `validationMemo`
    /// skips validating files that passed before, and `lexiconStore` compiling lexicons compiled before.
    public init(
        library: RubricLibrary? = RubricLibrary.locate(), validationMemo: ValidationMemo? = nil,
        lexiconStore: CompiledLexiconStore? = nil
    ) {
        self.library = library
        self.validationMemo = validationMemo
        self.lexiconStore = lexiconStore
    }

    /// The loader (schemas read once).
    public func rubricLoader() -> Result<RubricLoader, RubricProblem> {
        lock.lock()
        defer { lock.unlock() }
        if let loader { return .success(loader) }
        guard let library else {
            return .failure(
                RubricProblem(diagnostics: [
                    Diagnostic(
                        file: "Rubrics", location: nil,
                        message: "the built-in rubrics were not found; set DRAFTCHECK_RUBRICS to the Rubrics folder")
                ]))
        }
        do {
            let made = try RubricLoader(
                library: library, validationMemo: validationMemo, lexiconStore: lexiconStore)
            loader = made
            return .success(made)
        } catch {
            return .failure(RubricProblem(diagnostics: error.diagnostics))
        }
    }

    /// A built-in rubric by id or a rubric file by path, compiled once and reused until its file changes.
    public func rubric(_ idOrPath: String) -> Result<Rubric, RubricProblem> {
        let loader: RubricLoader
        switch rubricLoader() {
        case .success(let l): loader = l
        case .failure(let p): return .failure(p)
        }
        let stamp = modificationDate(idOrPath, loader.library)
        lock.lock()
        if let hit = cache[idOrPath], hit.stamp == stamp {
            lock.unlock()
            return .success(hit.rubric)
        }
        lock.unlock()
        do {
            let rubric = try loader.load(idOrPath: idOrPath)
            lock.lock()
            cache[idOrPath] = (stamp, rubric)
            lock.unlock()
            return .success(rubric)
        } catch {
            return .failure(RubricProblem(diagnostics: error.diagnostics))
        }
    }

    private func modificationDate(_ idOrPath: String, _ library: RubricLibrary) -> Date? {
        let url =
            idOrPath.contains("/") || idOrPath.hasSuffix(".json")
            ? URL(fileURLWithPath: idOrPath) : library.url(forID: idOrPath)
        guard let url else { return nil }
        return (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }
}
