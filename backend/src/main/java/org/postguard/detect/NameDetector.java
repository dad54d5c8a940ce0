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
            "(?:Mr|Mrs|Ms|Miss|Mx|Master)\\.?\\s+(?:Men|Motivator|Nobody|Right|Blobby|Bean|Whippy|Muscle|Chef|Darcy|President|Speaker|Something|Someone|Somebody|Whoever|Average|Grumpy|Fix-It|Fixit)\\b.*");

    private static final java.util.Set<String> TITLES = words("mr", "mrs", "ms", "miss", "mx", "master");
    private static final java.util.Set<String> NAMING = words("called", "named", "name");

    public NameDetector() {
        super(SignalKind.NAME, TITLED, CALLED);
    }

    @Override
    boolean worthTrying(Pattern pattern, Post post) {
        return post.hasAnyWord(pattern == TITLED ? TITLES : NAMING);
    }

    /** "Mr Osei, consultant vascular surgeon": UK surgeons are Mr or Ms, and colleagues are not patients. */
    private static final Pattern COLLEAGUE_AFTER = Pattern.compile(
            "(?i)^[,\\s(]+(?:the\\s+|our\\s+|a\\s+)?(?:consultant|surgeon|registrar|colleague|professor|clinical director|medical director"
                    + "|lead|head of|chief|our new|senior|retiring|retired consultant|orthopaedic|vascular|general surgeon)");

    @Override
    SignalKind classify(String text, Matcher match) {
        if (NOT_A_NAME.matcher(match.group()).matches()) {
            return null;
        }
        String after = text.substring(match.end(), Math.min(text.length(), match.end() + 40));
        return COLLEAGUE_AFTER.matcher(after).find() ? null : SignalKind.NAME;
    }
}
