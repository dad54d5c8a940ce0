package org.postguard.check;

import org.postguard.lexicon.DataFiles;

/** One checker over the bundled data for all tests: building the index takes a moment. */
public final class SharedChecker {
    private static Checker checker;

    private SharedChecker() {
    }

    public static synchronized Checker get() {
        if (checker == null) {
            checker = Checker.load(DataFiles.bundled());
        }
        return checker;
    }
}
