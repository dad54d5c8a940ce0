package org.postguard.score;

import java.util.Optional;

/**
 * What a post says as a whole, as 384 numbers: the sentence model BGE small (English, v1.5,
 * quantised; MIT licence) run on this machine by ONNX Runtime, through LangChain4j's in-process
 * embedding module. Posts that mean similar things get similar numbers even when they share no
 * words ("the family who complained" and "that relative moaning on Facebook"), which is where the
 * words and signals alone miss a new writer's phrasing. The {@link CategoryModel} weighs these
 * numbers beside its cues.
 *
 * <pre>{@code
 * Meaning.shared().map(m -> m.of("Saw a 34yo in bay 4 today")); // Optional[float[384]]
 * }</pre>
 *
 * The model file ships inside the jar: nothing is downloaded, and the text is neither kept nor
 * logged. When the platform's native runtime cannot load, {@link #shared()} is empty and PostGuard
 * uses the model learned without meaning ({@link CategoryModel#bundledWithoutMeaning()}).
 */
public final class Meaning {
    /** How many numbers describe a post. */
    public static final int DIMENSIONS = 384;
    /**
     * The meaning is read from the first this many characters (cut at a space). The model reads
     * about 50 ms per 1,000 characters on a 2-core machine, and learned from posts of at most
     * 1,149 characters (the corpus's longest): past that, a longer read would cost more than it
     * tells. The words and signals of the whole post still count.
     */
    public static final int READ_LIMIT = 1_200;

    private final dev.langchain4j.model.embedding.EmbeddingModel model;

    private Meaning(dev.langchain4j.model.embedding.EmbeddingModel model) {
        this.model = model;
    }

    /** The sentence model, loaded once on first use (about 2 s on two cores); empty where it cannot run. */
    public static Optional<Meaning> shared() {
        return Holder.SHARED;
    }

    /**
     * The unit-length vector of the text's first {@link #READ_LIMIT} characters. A text with
     * nothing the model can read (blank, or only symbols its vocabulary drops) gives zeros, which
     * leave the score to the cues.
     */
    public float[] of(String text) {
        String read = start(text);
        if (read.isBlank()) {
            return new float[DIMENSIONS];
        }
        try {
            float[] vector = model.embed(read).content().vector();
            return vector.length == DIMENSIONS ? vector : new float[DIMENSIONS];
        } catch (RuntimeException nothingToRead) { // the library fails on a text of no tokens; its message never holds the text
            return new float[DIMENSIONS];
        }
    }

    /** The text up to {@link #READ_LIMIT} characters, cut at the last space before it (never inside a surrogate pair). */
    static String start(String text) {
        if (text.length() <= READ_LIMIT) {
            return text;
        }
        int cut = READ_LIMIT;
        while (cut > READ_LIMIT / 2 && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        if (!Character.isWhitespace(text.charAt(cut))) {
            cut = Character.isHighSurrogate(text.charAt(READ_LIMIT - 1)) ? READ_LIMIT - 1 : READ_LIMIT;
        }
        return text.substring(0, cut);
    }

    /**
     * ONNX Runtime unpacks its native libraries (16 MB) into a fresh temporary folder at every
     * start and leaves them until the JVM exits, then leaves the empty folder: after a crash or a
     * kill, all of it. Once loaded, the libraries no longer need their files (on Linux and macOS),
     * so they go at once; where the system refuses (Windows), the runtime's own clean-up at exit
     * remains.
     */
    static void removeUnpackedRuntime() {
        unpackedRuntime().ifPresent(folder -> {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
                for (java.nio.file.Path file : files.toList()) {
                    java.nio.file.Files.deleteIfExists(file);
                }
                java.nio.file.Files.deleteIfExists(folder);
            } catch (java.io.IOException | RuntimeException refused) {
                // in use (Windows): removed at exit instead
            }
        });
    }

    /** The temporary folder ONNX Runtime unpacked its libraries into, if it tells. */
    static Optional<java.nio.file.Path> unpackedRuntime() {
        try {
            java.lang.reflect.Field folder = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
            folder.setAccessible(true);
            return Optional.ofNullable((java.nio.file.Path) folder.get(null));
        } catch (ReflectiveOperationException | RuntimeException notTold) { // another version of the runtime
            return Optional.empty();
        }
    }

    /** Settings for the libraries that run the sentence models, made before either loads. */
    static void quietLibraries() {
        // The tokenizer's library would fetch a native build for a platform its jar lacks: never, here.
        System.setProperty("ai.djl.offline", "true");
        // The libraries' own logging says only "no GPU" and "default length", at any level: errors only.
        for (String library : new String[] {"ai.djl", "dev.langchain4j", "ai.onnxruntime"}) {
            System.setProperty("org.slf4j.simpleLogger.log." + library, "error");
        }
    }

    private static final class Holder {
        static final Optional<Meaning> SHARED = load();

        private static Optional<Meaning> load() {
            quietLibraries();
            try {
                Meaning meaning = new Meaning(new dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel());
                if (meaning.of("ready").length != DIMENSIONS) {
                    throw new IllegalStateException("the sentence model gave an unexpected number of dimensions");
                }
                removeUnpackedRuntime();
                return Optional.of(meaning);
            } catch (RuntimeException | LinkageError e) {
                System.err.println("PostGuard: the sentence model cannot run here (" + e.getClass().getSimpleName()
                        + "); using the category model learned without it.");
                return Optional.empty();
            }
        }
    }
}
