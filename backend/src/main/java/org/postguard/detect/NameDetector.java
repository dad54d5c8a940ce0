package org.postguard.detect;

import org.postguard.check.SignalKind;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People's names where the text marks them as names: after a title ("Mrs Patel", "Mr B") or
 * after "called"/"named" ("a lad called Jamie"). Doctors' names ("Dr Shah") are not reported:
 * naming a colleague is not a confidentiality risk (the respect rules judge what is said).
 */
public final class NameDetector extends RegexDetector {
    private static final Pattern TITLED = Pattern.compile(
            "\\b(?:Mr|Mrs|Ms|Miss|Mx|Master)\\.?\\s+(?:[A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+)?|[A-Z]\\b\\.?)");
    private static final Pattern CALLED = Pattern.compile("\\b(?:called|named|name is|name was)\\s+([A-Z][a-z'’-]+)");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?:Mr|Mrs|Ms|Miss|Mx|Master)\\.?\\s+(?:Men|Motivator|Nobody|Right|Blobby|Bean|Whippy|Muscle|Chef|Darcy|President|Speaker)\\b.*");

    public NameDetector() {
        super(SignalKind.NAME, TITLED, CALLED);
    }

    @Override
    SignalKind classify(String text, Matcher match) {
        return NOT_A_NAME.matcher(match.group()).matches() ? null : SignalKind.NAME;
    }
}
