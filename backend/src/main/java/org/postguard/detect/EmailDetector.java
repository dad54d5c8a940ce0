package org.postguard.detect;

import org.postguard.check.SignalKind;

import java.util.regex.Pattern;

/** Email addresses. */
public final class EmailDetector extends RegexDetector {
    private static final Pattern EMAIL = Pattern.compile("\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b");

    public EmailDetector() {
        super(SignalKind.EMAIL, EMAIL);
    }

    @Override
    boolean worthTrying(Pattern pattern, Post post) {
        return post.text().indexOf('@') >= 0;
    }
}
