package org.postguard.score;

/**
 * One piece of evidence the {@link CategoryModel} weighs, and where it first appears in the post.
 * Names read as what they are: {@code word:bay} (an analysed word), {@code signal:age} (a
 * detector's signal), {@code phrase:derogatory-patient-slang} (a rule's phrase, whether or not the
 * rule's context was met), {@code rule:confidentiality-combination} and {@code category:respect}
 * (a rule that warned).
 */
public record Cue(String name, int start, int end) {
}
