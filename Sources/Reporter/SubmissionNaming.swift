/// Learner names from the way learning platforms name their downloads, and safe, unique file names.
public enum SubmissionNaming {
    /// Who a submitted file belongs to: `key` groups a learner's files (it keeps platform ids, so two
    /// learners with the same name stay apart, and a Moodle participant's file and online-text folders
    /// make one learner), `name` is shown.
    public struct Learner: Sendable, Hashable {
        /// Groups files by learner.
        public var key: String
        /// The learner's name as shown in the gradebook.
        public var name: String
    }

    /// The learner for a path relative to the submissions folder ("/"-separated):
    /// - in a subfolder: the folder's name, or "Full Name" for Moodle's
    ///   `Full Name_12345_assignsubmission_file_` folders;
    /// - Canvas's `name_12345_67890_file.docx` (or `name_LATE_12345_67890_file.docx`): "name";
    /// - Moodle's flat `Full Name_12345_assignsubmission_file_essay.docx`: "Full Name";
    /// - otherwise the file name without its extension.
    public static func learner(forRelativePath path: String) -> Learner {
        let parts = path.split(separator: "/").map(String.init)
        if parts.count >= 2 {
            let folder = parts[0]
            if let name = moodleName(folder), let id = moodleParticipant(forRelativePath: path)?.id {
                return Learner(key: "moodle:\(id):\(name)", name: name)
            }
            return Learner(key: folder, name: folder)
        }
        let file = parts.last ?? path
        if let (name, id) = canvasName(file) { return Learner(key: "\(name)_\(id)", name: name) }
        if let folder = moodleFlatFolder(file), let name = moodleName(folder),
            let id = moodleParticipant(forRelativePath: path)?.id
        {
            return Learner(key: "moodle:\(id):\(name)", name: name)
        }
        let stem = stripExtension(file)
        return Learner(key: stem, name: stem)
    }

    /// "Full Name" from `Full Name_12345_assignsubmission_file_` (also `_onlinetext_`).
    static func moodleName(_ folder: String) -> String? {
        let fields = folder.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard let marker = fields.firstIndex(where: { $0 == "assignsubmission" }), marker >= 2 else { return nil }
        let id = fields[marker - 1]
        guard !id.isEmpty, id.allSatisfy(\.isASCIIDigit) else { return nil }
        let name = fields[..<(marker - 1)].joined(separator: "_")
        return name.isEmpty ? nil : name
    }

    /// Moodle's participant number and the folder name it downloads that learner's files in
    /// (`Full Name_12345_assignsubmission_file_`), from a path in a Moodle download: in folders, or
    /// flat (`Full Name_12345_assignsubmission_file_essay.docx`, "Download submissions in folders" off).
    public static func moodleParticipant(forRelativePath path: String) -> (id: String, folder: String)? {
        let parts = path.split(separator: "/").map(String.init)
        guard let first = parts.first else { return nil }
        let folder = parts.count >= 2 ? first : moodleFlatFolder(first)
        guard let folder, moodleName(folder) != nil else { return nil }
        let fields = folder.split(separator: "_", omittingEmptySubsequences: false)
        guard let marker = fields.firstIndex(where: { $0 == "assignsubmission" }) else { return nil }
        return (String(fields[marker - 1]), folder)
    }

    /// Canvas's user id (the gradebook's "ID") from a Canvas download name, `name_12345_67890_file.docx`.
    public static func canvasUserID(forRelativePath path: String) -> String? {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return canvasName(file)?.1
    }

    /// `Full Name_12345_assignsubmission_file_` from a flat Moodle file name
    /// `Full Name_12345_assignsubmission_file_essay.docx`: everything up to the plugin name.
    static func moodleFlatFolder(_ file: String) -> String? {
        let fields = file.split(separator: "_", omittingEmptySubsequences: false)
        guard let marker = fields.firstIndex(where: { $0 == "assignsubmission" }), marker >= 2,
            marker + 2 < fields.count
        else { return nil }
        return fields[...(marker + 1)].joined(separator: "_") + "_"
    }

    /// ("name", "12345") from `name_12345_67890_file.ext` or `name_LATE_12345_67890_file.ext`.
    static func canvasName(_ file: String) -> (String, String)? {
        var fields = file.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 4 else { return nil }
        let name = fields.removeFirst()
        if fields.first == "LATE" { fields.removeFirst() }
        guard fields.count >= 3, !name.isEmpty, fields[0].allSatisfy(\.isASCIIDigit), !fields[0].isEmpty,
            fields[1].allSatisfy(\.isASCIIDigit), !fields[1].isEmpty
        else { return nil }
        return (name, fields[0])
    }

    /// A file name without its last extension (".hidden" style names are kept whole).
    public static func stripExtension(_ file: String) -> String {
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    /// A name safe as one file name on every platform: no path separators or characters Windows
    /// forbids, no control characters, no leading dots or spaces, at most 100 characters.
    public static func safeFileName(_ name: String) -> String {
        var s = String(
            name.map { c -> Character in
                if "/\\:*?\"<>|".contains(c)
                    || c.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
                {
                    return "_"
                }
                return c
            })
        while let f = s.first, f == "." || f == " " { s.removeFirst() }
        while let l = s.last, l == "." || l == " " { s.removeLast() }
        if s.count > 100 { s = String(s.prefix(100)) }
        return s.isEmpty ? "learner" : s
    }

    /// Safe names made unique (ignoring case, for case-insensitive file systems) by adding " (2)", " (3)"...
    public static func uniqueFileNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { raw in
            let base = safeFileName(raw)
            var candidate = base
            var n = 2
            while used.contains(candidate.lowercased()) {
                candidate = "\(base) (\(n))"
                n += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
