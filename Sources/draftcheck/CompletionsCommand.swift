/// `draftcheck completions bash|zsh`: a completion script for the shell, to be sourced from its
/// start-up file. Commands, each command's options, built-in rubric ids and file names are offered.
enum CompletionsCommand {
    static let help = """
        Usage: draftcheck completions bash|zsh

        Prints a completion script for the shell. To use it:
          bash:  echo 'eval "$(draftcheck completions bash)"' >> ~/.bashrc
          zsh:   echo 'eval "$(draftcheck completions zsh)"' >> ~/.zshrc   (after compinit)

        """

    /// Commands and the options each takes, as completed.
    static let commands: [(name: String, options: String)] = [
        ("check", "--rubric --format --stdin-filename --time-limit --max-text-size --help"),
        (
            "batch",
            "--rubric --out --jobs --quiet --force --html --task --moodle-worksheet --canvas-gradebook --canvas-assignment --grade-step --time-limit --max-text-size --help"
        ),
        ("compare", "--rubric --format --help"),
        ("text", "--help"),
        ("calibrate", "--rubric --marks --out --folds --help"),
        ("rubrics", "--help"),
        ("rubric", "lint test show --help"),
        ("install", "--prefix --help"),
        ("uninstall", "--prefix --help"),
        ("completions", "bash zsh"),
        ("help", "check batch compare text calibrate rubrics rubric lsp install uninstall completions"),
        ("lsp", "--help"),
    ]

    static func run(_ args: [String]) throws(UsageError) -> ExitCode {
        switch args.first {
        case "bash": Output.out(bash)
        case "zsh": Output.out(zsh)
        case "--help", "-h": Output.out(help)
        default: throw UsageError(message: "completions needs the shell: bash or zsh")
        }
        return .success
    }

    private static var cases: String {
        commands.map { "        \($0.name)) opts=\"\($0.options)\" ;;" }.joined(separator: "\n")
    }

    static var bash: String {
        """
        _draftcheck() {
            local cur prev opts
            cur="${COMP_WORDS[COMP_CWORD]}"
            prev="${COMP_WORDS[COMP_CWORD-1]}"
            if [ "$COMP_CWORD" -eq 1 ]; then
                COMPREPLY=($(compgen -W "\(commands.map(\.name).joined(separator: " ")) --help --version" -- "$cur"))
                return
            fi
            if [ "$prev" = "--rubric" ]; then
                COMPREPLY=($(compgen -W "$(draftcheck rubrics 2>/dev/null | cut -f1)" -- "$cur") $(compgen -f -- "$cur"))
                return
            fi
            case "${COMP_WORDS[1]}" in
        \(cases)
                *) opts="" ;;
            esac
            if [[ "$cur" == -* || "${COMP_WORDS[1]}" =~ ^(completions|help|rubric)$ && "$COMP_CWORD" -eq 2 ]]; then
                COMPREPLY=($(compgen -W "$opts" -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
        }
        complete -o filenames -F _draftcheck draftcheck

        """
    }

    static var zsh: String {
        """
        #compdef draftcheck
        _draftcheck() {
            local opts
            if (( CURRENT == 2 )); then
                compadd -- \(commands.map(\.name).joined(separator: " ")) --help --version
                return
            fi
            if [[ ${words[CURRENT-1]} == --rubric ]]; then
                compadd -- $(draftcheck rubrics 2>/dev/null | cut -f1)
                _files
                return
            fi
            case ${words[2]} in
        \(cases)
                *) opts="" ;;
            esac
            if [[ ${words[CURRENT]} == -* ]] || { [[ ${words[2]} == (completions|help|rubric) ]] && (( CURRENT == 3 )); }; then
                compadd -- ${=opts}
            else
                _files
            fi
        }
        compdef _draftcheck draftcheck

        """
    }
}
