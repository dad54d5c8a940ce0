package org.postguard.detect;

import org.postguard.check.SignalKind;
import org.postguard.lexicon.Lexicon;
import org.postguard.lexicon.LexiconMatch;
import org.postguard.text.Token;
import org.postguard.text.Tokens;

import java.util.List;

/**
 * One post being checked: its text, its analysed tokens and the lexicon entries found in it,
 * each computed once and shared by every detector and scorer. Lives only for one check.
 */
public final class Post {
    private final String text;
    private final List<String> personalTerms;
    private final List<Token> tokens;
    private final List<LexiconMatch> matches;

    public Post(String text, List<String> personalTerms, Lexicon lexicon) {
        this.text = text;
        this.personalTerms = personalTerms;
        this.tokens = Tokens.of(text);
        this.matches = lexicon.match(text, tokens);
    }

    public String text() {
        return text;
    }

    private java.util.Set<String> words;
    private int hasDigit = -1;

    /** The post's words as typed, lower-cased (not stemmed): lets detectors skip patterns that cannot match. */
    public java.util.Set<String> words() {
        if (words == null) {
            words = new java.util.HashSet<>(tokens.size() * 2);
            for (Token token : tokens) {
                words.add(text.substring(token.start(), token.end()).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return words;
    }

    /** True when any of these lower-case words is in the post. */
    public boolean hasAnyWord(java.util.Collection<String> candidates) {
        java.util.Set<String> mine = words();
        for (String candidate : candidates) {
            if (mine.contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasDigit() {
        if (hasDigit < 0) {
            hasDigit = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    hasDigit = 1;
                    break;
                }
            }
        }
        return hasDigit == 1;
    }

    /** How many of the post's words start before this offset: word distances between two spans. */
    public int wordsBefore(int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).start() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    public List<String> personalTerms() {
        return personalTerms;
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** Every lexicon entry found in the post. */
    public List<LexiconMatch> matches() {
        return matches;
    }

    /** Lexicon entries of one kind. */
    public List<LexiconMatch> matches(SignalKind kind) {
        return matches.stream().filter(m -> m.entry().kind() == kind).toList();
    }
}
