package org.phasebook.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells run in this kernel session, for Jupyter's {@code history_request} (tail, range and
 * glob search). Kept in memory only: a kernel restart is a fresh session.
 */
final class History {

    /** IPython numbers sessions; this kernel has one per process. */
    static final int SESSION = 1;

    /** One executed cell. */
    record Entry(int line, String input) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input) {
        entries.add(new Entry(line, input));
    }

    /** The last {@code n} cells. */
    synchronized List<Entry> tail(int n) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return List.copyOf(entries.subList(from, entries.size()));
    }

    /** Cells with {@code start <= line < stop}; {@code stop <= 0} means to the end. */
    synchronized List<Entry> range(int start, int stop) {
        return entries.stream()
                .filter(e -> e.line() >= start && (stop <= 0 || e.line() < stop))
                .toList();
    }

    /** The last {@code n} cells whose input matches the glob ({@code *} and {@code ?}). */
    synchronized List<Entry> search(String glob, int n, boolean unique) {
        Pattern pattern = globToRegex(glob == null || glob.isEmpty() ? "*" : glob);
        List<Entry> matches = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0 && (n <= 0 || matches.size() < n); i--) {
            Entry e = entries.get(i);
            if (pattern.matcher(e.input()).matches() && (!unique || seen.add(e.input()))) {
                matches.add(0, e);
            }
        }
        return matches;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
