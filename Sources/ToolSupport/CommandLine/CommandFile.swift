import Foundation

/// DCMTK's command files (`@file` on the command line, dcmqrscp.man "COMMAND
/// LINE"): the file's words replace the `@file` argument. Words are separated
/// by white space; `"…"` or `'…'` quote a word (the other quote character is
/// literal inside), a closing quote ends the word even when empty; there are
/// no comments and no escapes. Only arguments given on the command line
/// itself are expanded, never an `@file` inside a command file (as measured
/// with DCMTK 3.6.7).
package enum CommandFile {
    /// The arguments with every `@path` argument replaced by the words of that file.
    package static func expand(_ arguments: [String]) throws(CommandLineError) -> [String] {
        var expanded: [String] = []
        for argument in arguments {
            guard argument.count > 1, argument.hasPrefix("@") else {
                expanded.append(argument)
                continue
            }
            let path = String(argument.dropFirst())
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .cannotOpenCommandFile(path)
            }
            expanded += words(in: String(decoding: data, as: UTF8.self))
        }
        return expanded
    }

    /// The words of a command file's text.
    package static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var hasWord = false
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open {
                    words.append(current)
                    (current, hasWord, quote) = ("", false, nil)
                } else {
                    current.append(character)
                }
            } else if character == "\"" || character == "'" {
                quote = character
                hasWord = true
            } else if character.isWhitespace {
                if hasWord { words.append(current) }
                (current, hasWord) = ("", false)
            } else {
                current.append(character)
                hasWord = true
            }
        }
        if hasWord { words.append(current) }
        return words
    }
}
