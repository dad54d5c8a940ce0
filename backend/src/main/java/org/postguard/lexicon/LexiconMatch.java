package org.postguard.lexicon;

/** Where a {@link LexiconEntry} was found in a post. {@code fuzzy} is true when a typo was forgiven. */
public record LexiconMatch(int start, int end, LexiconEntry entry, boolean fuzzy) {
}
