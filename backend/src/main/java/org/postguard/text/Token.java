package org.postguard.text;

/** One analysed word of a post: its stemmed form and where it stands in the original text. */
public record Token(String term, int start, int end) {
}
