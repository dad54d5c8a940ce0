package org.postguard.detect;

import org.postguard.check.SignalKind;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbered places: "bay 4", "bed 12", "cubicle 3", "side room 2", "resus 1" point at one patient
 * ({@link SignalKind#BED}); "ward 7", "theatre 3", "room 5", "Nightingale Ward" are places
 * ({@link SignalKind#SETTING}).
 */
public final class BedDetector extends RegexDetector {
    private static final Pattern PATIENT_SPACE = Pattern.compile(
            "(?i)\\b(?:bed|beds|bay|cubicle|cubi|cube|side\\s?room|sr|resus|trolley|chair|bed\\s?space|majors|minors|room)"
                    + "\\s?(?:no\\.?\\s?|number\\s|#)?\\d{1,3}[a-z]?\\b(?![.,]\\d)");
    private static final Pattern WARD_NUMBER = Pattern.compile(
            "(?i)\\b(?:ward|theatre|theater|clinic|unit|floor|level|wing)\\s?(?:no\\.?\\s?|#)?\\d{1,3}[a-z]?\\b");
    private static final Pattern NAMED_WARD = Pattern.compile(
            "\\b(?!(?:The|A|An|On|My|Our|This|That|In|At|To|From|Back|Busy|Quiet|Every|Each|Whole)\\s)"
                    + "[A-Z][a-z]+\\s(?:Ward|ward|Unit|Wing|Suite)\\b");

    private static final java.util.Set<String> WARD_WORDS = words("ward", "unit", "wing", "suite");

    public BedDetector() {
        super(SignalKind.BED, PATIENT_SPACE, WARD_NUMBER, NAMED_WARD);
    }

    @Override
    boolean worthTrying(Pattern pattern, Post post) {
        return pattern == NAMED_WARD ? post.hasAnyWord(WARD_WORDS) : post.hasDigit();
    }

    @Override
    SignalKind classify(String text, Matcher match) {
        String found = match.group().toLowerCase(java.util.Locale.ROOT);
        if (match.pattern() == PATIENT_SPACE) {
            return found.startsWith("room") ? SignalKind.SETTING : SignalKind.BED;
        }
        return SignalKind.SETTING;
    }
}
