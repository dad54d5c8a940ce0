package org.postguard.check;

import org.postguard.detect.Detector;
import org.postguard.detect.Detectors;
import org.postguard.detect.Post;
import org.postguard.lexicon.DataFiles;
import org.postguard.lexicon.Lexicon;
import org.postguard.score.Scorer;
import org.postguard.score.Scorers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a draft post and explains what in it could breach confidentiality or professional
 * guidance. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * Checker checker = Checker.load(DataFiles.bundled());
 * CheckResult result = checker.check(CheckRequest.of("Saw a 34yo in bay 4 today with DKA"));
 * result.risk();        // "high"
 * result.warnings();    // [confidentiality-combination: age + condition + place + today]
 * }</pre>
 *
 * The text is held only for the duration of {@link #check}: nothing is logged, cached or kept.
 */
public final class Checker {
    /** Longest text accepted, in UTF-16 code units. */
    public static final int MAX_TEXT_LENGTH = 20_000;

    private static final Comparator<Signal> BY_POSITION =
            Comparator.comparingInt(Signal::start).thenComparing(Comparator.comparingInt(Signal::end).reversed());

    private final Lexicon lexicon;
    private final List<Detector> detectors;
    private final List<Scorer> scorers;

    public Checker(Lexicon lexicon, List<Detector> detectors, List<Scorer> scorers) {
        this.lexicon = lexicon;
        this.detectors = List.copyOf(detectors);
        this.scorers = List.copyOf(scorers);
    }

    /** What has the last word on each category of a check. */
    public enum Judge {
        /** Every rule's warning stands; no category model. */
        RULES("rules"),
        /** The category model, learned from the post's words and signals alone. */
        MODEL("model"),
        /** The category model that also weighs what the post means as a whole ({@link org.postguard.score.Meaning}). */
        MODEL_WITH_MEANING("model-with-meaning"),
        /** That model, its judgement mixed with the fine-tuned model's ({@link org.postguard.score.Votes}): the default. */
        MODEL_WITH_VOTES("model-with-votes");

        private final String id;

        Judge(String id) {
            this.id = id;
        }

        /** As the health endpoint names it: {@code rules}, {@code model}, {@code model-with-meaning} or {@code model-with-votes}. */
        public String id() {
            return id;
        }
    }

    /**
     * A checker with the standard detectors and scorers over the given data, and the category
     * model the build trained: the one that weighs the post's {@link org.postguard.score.Meaning}
     * where the sentence model runs, else the one learned from cues alone.
     */
    public static Checker load(DataFiles data) {
        return load(data, Judge.MODEL_WITH_VOTES);
    }

    /**
     * A checker judged as asked, as far as this machine allows: {@link Judge#MODEL_WITH_VOTES} becomes
     * {@link Judge#MODEL_WITH_MEANING} where the fine-tuned model cannot run, {@link Judge#MODEL_WITH_MEANING}
     * becomes {@link Judge#MODEL} where the sentence model cannot run, and either model becomes
     * {@link Judge#RULES} when the build trained none. {@link #judge()} tells which it is.
     */
    public static Checker load(DataFiles data, Judge wanted) {
        return wanted == Judge.RULES ? withRulesOnly(data)
                : load(data, wanted != Judge.MODEL, wanted == Judge.MODEL_WITH_VOTES);
    }

    private record Loaded(java.util.Optional<org.postguard.score.CategoryModel> model, java.util.Optional<org.postguard.score.Meaning> meaning,
                          java.util.Optional<org.postguard.score.Votes> votes) {
    }

    private static Checker load(DataFiles data, boolean withMeaning, boolean withVotes) {
        // The sentence models and the model's file load on other threads while the index loads.
        java.util.concurrent.FutureTask<java.util.Optional<org.postguard.score.Votes>> votes = new java.util.concurrent.FutureTask<>(
                () -> withMeaning && withVotes ? org.postguard.score.Votes.shared() : java.util.Optional.empty());
        java.util.concurrent.FutureTask<Loaded> loading = new java.util.concurrent.FutureTask<>(() -> {
            java.util.Optional<org.postguard.score.Meaning> meaning =
                    withMeaning ? org.postguard.score.Meaning.shared() : java.util.Optional.empty();
            return new Loaded(org.postguard.score.CategoryModel.bundledFor(meaning), meaning, votes.get());
        });
        Thread.ofPlatform().daemon().name("postguard-votes-loader").start(votes);
        Thread.ofPlatform().daemon().name("postguard-model-loader").start(loading);
        List<org.postguard.lexicon.LexiconEntry> entries = data.entries();
        Lexicon lexicon = Lexicon.load(entries, data.fingerprint());
        try {
            Loaded loaded = loading.get();
            return new Checker(lexicon, Detectors.standard(), Scorers.standard(data, loaded.model(), loaded.meaning(), loaded.votes()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the category model", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.ExecutionException inner ? inner.getCause() : e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }

    /** A checker with the rules alone, without the category model: what the model is trained on. */
    public static Checker withRulesOnly(DataFiles data) {
        List<org.postguard.lexicon.LexiconEntry> entries = data.entries();
        return new Checker(Lexicon.load(entries, data.fingerprint()), Detectors.standard(), Scorers.rules());
    }

    /** The same lexicon and detectors with the rules alone: what the category model judges. */
    public Checker withoutModel() {
        return new Checker(lexicon, detectors, Scorers.rules());
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** What has the last word on each category: the rules, or the category model and what it weighs. */
    public Judge judge() {
        return scorers.stream().filter(s -> s instanceof org.postguard.score.ModelScorer).findFirst()
                .map(s -> (org.postguard.score.ModelScorer) s)
                .map(s -> s.usesVotes() ? Judge.MODEL_WITH_VOTES : s.usesMeaning() ? Judge.MODEL_WITH_MEANING : Judge.MODEL)
                .orElse(Judge.RULES);
    }

    public CheckResult check(CheckRequest request) {
        long started = System.nanoTime();
        List<Warning> warnings = withoutRepeats(analyse(request).warnings());
        warnings.sort(Comparator.comparing(Warning::severity).reversed().thenComparingInt(Warning::start));
        return new CheckResult(warnings, (System.nanoTime() - started) / 1000);
    }

    /**
     * Several rules often say the same thing about the same words ("drunk on shift" is both
     * drink at work and intoxication near work): of the warnings of one category whose words
     * overlap, only the most severe (then the widest) is shown.
     */
    static List<Warning> withoutRepeats(List<Warning> warnings) {
        List<Warning> ranked = new ArrayList<>(warnings);
        ranked.sort(Comparator.comparing(Warning::severity).reversed()
                .thenComparing(Comparator.comparingInt((Warning w) -> w.end() - w.start()).reversed()));
        List<Warning> kept = new ArrayList<>(ranked.size());
        for (Warning w : ranked) {
            boolean repeat = kept.stream().anyMatch(k -> k.category() == w.category() && k.start() < w.end() && w.start() < k.end());
            if (!repeat) {
                kept.add(w);
            }
        }
        return kept;
    }

    /** Everything one check works out: the analysed post, its signals and the warnings, unsorted. */
    public record Analysis(Post post, List<Signal> signals, List<Warning> warnings) {
    }

    public Analysis analyse(CheckRequest request) {
        String text = request.text();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        Post post = new Post(text, request.personalTerms(), lexicon);
        List<Signal> signals = signals(post);
        List<Warning> warnings = new ArrayList<>();
        for (Scorer scorer : scorers) {
            scorer.score(post, signals, warnings);
        }
        return new Analysis(post, signals, warnings);
    }

    /** Every detector's signals, in text order, without spans repeated inside a longer one of the same group. */
    public List<Signal> signals(Post post) {
        List<Signal> found = new ArrayList<>();
        for (Detector detector : detectors) {
            detector.detect(post, found);
        }
        found.sort(BY_POSITION);
        List<Signal> kept = new ArrayList<>(found.size());
        for (Signal s : found) {
            if (kept.stream().noneMatch(k -> contains(k, s) && redundant(k, s))) {
                kept.add(s);
            }
        }
        return kept;
    }

    private static boolean contains(Signal outer, Signal inner) {
        return outer.start() <= inner.start() && outer.end() >= inner.end();
    }

    /** A span inside another adds nothing when it tells the same thing (or is the sex word of a patient reference). */
    private static boolean redundant(Signal outer, Signal inner) {
        return outer.kind().group() == inner.kind().group()
                || outer.kind() == SignalKind.PATIENT && inner.kind() == SignalKind.SEX;
    }
}
