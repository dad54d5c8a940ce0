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
