import AarshjulCore

/// "Did you mean …?" for misspelt keys and values.
enum Suggestion {
    /// The allowed word closest to `word`, when it is close enough to be a
    /// plausible typo (edit distance at most a third of its length, min. 2).
    static func closest(to word: String, in allowed: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (word: String, distance: Int)?
        for candidate in allowed {
            let d = editDistance(Array(lowered), Array(candidate.lowercased()))
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best, best.distance <= max(2, best.word.count / 3) else { return nil }
        return best.word
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, table[i - 2][j - 2] + 1)
                }
                table[i][j] = d
            }
        }
        return table[a.count][b.count]
    }

    /// " (did you mean 'x'?)" in the three languages, or "".
    static func didYouMean(_ word: String, in allowed: [String]) -> LocalizedText {
        guard let guess = closest(to: word, in: allowed) else { return LocalizedText(nb: "", nn: "", en: "") }
        return LocalizedText(nb: " (mente du '\(guess)'?)", nn: " (meinte du '\(guess)'?)", en: " (did you mean '\(guess)'?)")
    }
}
