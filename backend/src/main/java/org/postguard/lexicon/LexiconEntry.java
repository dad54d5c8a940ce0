package org.postguard.lexicon;

import org.postguard.check.SignalKind;

/**
 * One line's worth of words to look for: a vocabulary term, a signal phrase or a risky phrase.
 *
 * @param text          the words as written in the data file
 * @param kind          what a match means
 * @param rule          the risky-phrase rule, for {@link SignalKind#PHRASE} entries; otherwise null
 * @param source        file and line, e.g. {@code vocabulary/drugs.txt:41}
 * @param caseSensitive true for capitalised abbreviations such as {@code PE}, which match only
 *                      when the post writes them in capitals too, and for place names, which
 *                      match only when capitalised ("Bath", not "bath")
 */
public record LexiconEntry(String text, SignalKind kind, PhraseRule rule, String source, boolean caseSensitive) {

    private static final java.util.regex.Pattern ABBREVIATION = java.util.regex.Pattern.compile("[A-Z]{2,4}");

    public static LexiconEntry of(String text, SignalKind kind, PhraseRule rule, String source) {
        boolean caseSensitive = ABBREVIATION.matcher(text).matches() || kind == SignalKind.PLACE_NAME;
        return new LexiconEntry(text, kind, rule, source, caseSensitive);
    }
}
