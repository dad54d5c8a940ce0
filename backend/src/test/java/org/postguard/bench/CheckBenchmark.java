package org.postguard.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.postguard.check.CheckRequest;
import org.postguard.check.CheckResult;
import org.postguard.check.Checker;
import org.postguard.lexicon.DataFiles;

import java.util.concurrent.TimeUnit;

/**
 * In-process check latency for a tweet-sized (280 characters) and a long (5,000 characters) post.
 * Run with {@code scripts/bench}; SampleTime mode reports p50/p99.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@State(Scope.Benchmark)
public class CheckBenchmark {
    /** A realistic mix: a breach, teaching, hashtags, emoji, a misspelling. */
    private static final String PARAGRAPH = "Long night on call 😴 Saw a 34yo in bay 4 today with DKA, ketones sky high, "
            + "pnuemonia on the CXR too. Reminder to everyone: sepsis kills, check lactate early and escalate. "
            + "Huge thanks to the nurses on ward 7 #NHS #MedTwitter ";

    @Param({"280", "5000"})
    public int length;

    private Checker checker;
    private CheckRequest request;

    /** A post of exactly {@code length} characters. */
    static String post(int length) {
        return PARAGRAPH.repeat(length / PARAGRAPH.length() + 1).substring(0, length);
    }

    @Setup(Level.Trial)
    public void setUp() {
        checker = Checker.load(DataFiles.bundled());
        request = CheckRequest.of(post(length));
    }

    @Benchmark
    public CheckResult inProcess() {
        return checker.check(request);
    }
}
