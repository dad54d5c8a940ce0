package org.postguard.score;

/**
 * One piece of evidence the {@link CategoryModel} weighs, and where it first appears in the post.
 * Names read as what they are: {@code word:bay} (an analysed word), {@code words:bay_#} (two
 * neighbouring words; numbers are {@code #}), {@code signal:age} (a detector's signal),
 * {@code pair:age+clinical} and {@code kinds:3} (which identifying kinds meet, and how many), {@code phrase:derogatory-patient-slang} (a rule's phrase, whether or not the
 * rule's context was met), {@code rule:confidentiality-combination} and {@code category:respect}
 * (a rule that warned).
 */
public record Cue(String name, int start, int end) {
}
