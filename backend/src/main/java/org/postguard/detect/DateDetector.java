package org.postguard.detect;

import org.postguard.check.SignalKind;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar dates ("12/03/1958", "12th March 1958", "March 12 1958"). A date labelled as a birth
 * date ("DOB", "date of birth", "born") is a {@link SignalKind#DATE_OF_BIRTH}, a hard identifier.
 */
public final class DateDetector extends RegexDetector {
    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d/.-])(?:0?[1-9]|[12]\\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)?\\d{2}(?![\\d/.-])");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?i)\\b(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?(?:,?\\s+(?:19|20)\\d{2})?\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?i)\\b" + MONTH + "\\.?\\s+(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?(?:,?\\s+(?:19|20)\\d{2})?\\b");
    private static final Pattern LABELLED_YEAR = Pattern.compile(
            "(?i)\\b(?:dob|d\\.o\\.b\\.?|date of birth|born(?: in)?)[:\\s]+(?:19|20)\\d{2}\\b");
    private static final Pattern BIRTH_LABEL = Pattern.compile("(?i)(?:\\bdob|d\\.o\\.b|date of birth|\\bborn(?: on)?|\\bb\\.)[\\s:.-]*$");

    private static final Pattern MAY_THE_VERB = Pattern.compile("\\d+\\s+may|may\\s+\\d+");

    public DateDetector() {
        super(SignalKind.DATE, NUMERIC, DAY_MONTH, MONTH_DAY, LABELLED_YEAR);
    }

    @Override
    SignalKind classify(String text, Matcher match) {
        String found = match.group().toLowerCase(java.util.Locale.ROOT);
        if (MAY_THE_VERB.matcher(found).matches()) {
            return null; // "3 may be", "may 2 people": the verb, not the month
        }
        String label = text.substring(Math.max(0, match.start() - 20), match.start());
        boolean birth = BIRTH_LABEL.matcher(label).find() || match.pattern() == LABELLED_YEAR;
        return birth ? SignalKind.DATE_OF_BIRTH : SignalKind.DATE;
    }

    @Override
    boolean worthTrying(Pattern pattern, Post post) {
        return post.hasDigit();
    }
}
