package org.postguard.score;

import org.junit.jupiter.api.Test;
import org.postguard.check.Category;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fine-tuned weights land where they belong in the ONNX bytes, and the shipped model runs and reads. */
class VotesTest {
    /** A protocol-buffer field: key, then (for length-delimited ones) length and bytes. */
    private static void field(ByteArrayOutputStream out, int number, int wire, byte[] body) {
        varint(out, (long) number << 3 | wire);
        if (wire == 2) {
            varint(out, body.length);
        }
        out.writeBytes(body);
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) (value & 0x7f | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static byte[] varintBytes(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, value);
        return out.toByteArray();
    }

    /** An ONNX ModelProto with one graph holding one float initializer of the given shape. */
    private static byte[] model(String name, long[] dims, float[] values) {
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        for (long d : dims) {
            field(tensor, 1, 0, varintBytes(d));
        }
        field(tensor, 2, 0, varintBytes(1)); // FLOAT
        field(tensor, 8, 2, name.getBytes(StandardCharsets.UTF_8));
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        field(tensor, 9, 2, raw.array());
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        field(graph, 2, 2, "graph".getBytes(StandardCharsets.UTF_8)); // GraphProto.name: skipped
        field(graph, 5, 2, tensor.toByteArray());
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        field(model, 1, 0, varintBytes(8)); // ir_version: skipped
        field(model, 7, 2, graph.toByteArray());
        return model.toByteArray();
    }

    private static void tensor(DataOutputStream out, String name, int[] dims, float... values) throws IOException {
        out.writeUTF(name);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        for (float v : values) {
            out.writeShort(Float.floatToFloat16(v));
        }
    }

    private static byte[] weights(String name, int[] dims, float... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("postguard-votes/1");
        out.writeInt(1);
        out.writeUTF("respect");
        out.writeInt(3);
        tensor(out, name, dims, values);
        tensor(out, "head.weightT", new int[] {2, 1}, 0.5f, -0.25f);
        tensor(out, "head.bias", new int[] {1}, 1.5f);
        return bytes.toByteArray();
    }

    private static float[] floatsOf(byte[] model, String name, int count) {
        OnnxInitializers.Initializer at = OnnxInitializers.of(model).get(name);
        float[] values = new float[count];
        ByteBuffer.wrap(model, at.offset(), count * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    @Test
    void theWeightsAreWrittenInPlaceAndTheHeadIsKept() throws IOException {
        byte[] model = model("onnx::MatMul_7", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
        int length = model.length;
        assertArrayEquals(new long[] {2, 3}, OnnxInitializers.of(model).get("onnx::MatMul_7").dims());
        Votes.Head head = Votes.patch(model, new ByteArrayInputStream(weights("onnx::MatMul_7", new int[] {2, 3}, 0.5f, -1, 2, 0, 0.25f, 8)));
        assertEquals(length, model.length);
        assertArrayEquals(new float[] {0.5f, -1, 2, 0, 0.25f, 8}, floatsOf(model, "onnx::MatMul_7", 6));
        assertArrayEquals(new Category[] {Category.RESPECT}, head.outputs());
        assertArrayEquals(new float[] {0.5f, -0.25f}, head.weights());
        assertArrayEquals(new float[] {1.5f}, head.bias());
    }

    @Test
    void weightsThatDoNotFitTheModelAreRefusedByName() {
        byte[] model = model("onnx::MatMul_7", new long[] {2, 3}, new float[6]);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> Votes.patch(model,
                new ByteArrayInputStream(weights("onnx::MatMul_7", new int[] {3, 2}, new float[6]))));
        assertTrue(shape.getMessage().contains("onnx::MatMul_7 [3, 2]") && shape.getMessage().contains("[2, 3] there"), shape.getMessage());
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class, () -> Votes.patch(model,
                new ByteArrayInputStream(weights("onnx::MatMul_8", new int[] {2, 3}, new float[6]))));
        assertTrue(absent.getMessage().contains("onnx::MatMul_8 [2, 3] is not in it"), absent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OnnxInitializers.of(new byte[] {0x3a, 0x7f}), "a field past the end");
    }

    @Test
    void theTokensReadAreTheWholeTextsFirstOnesHoweverItStarts() throws IOException {
        Votes votes = Votes.shared().orElseThrow(() -> new AssertionError("the fine-tuned model must run on the build machine"));
        ai.djl.huggingface.tokenizers.HuggingFaceTokenizer whole;
        try (java.io.InputStream in = Votes.class.getResourceAsStream(Votes.TOKENIZER)) {
            whole = ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.newInstance(in, Votes.TOKENIZER_OPTIONS);
        }
        String sentence = "Our department ran a teaching session on sepsis recognition this week. ";
        String longWords = ("x".repeat(120) + " ").repeat(11); // about 1,300 characters, one [UNK] a word
        String noSpace = "y".repeat(900) + " " + sentence.repeat(30);
        for (String text : List.of("Saw a 34yo in bay 4 today", sentence.repeat(40), longWords + sentence.repeat(30), noSpace, "  ")) {
            assertArrayEquals(whole.encode(text).getIds(), votes.tokens(text), text.substring(0, Math.min(40, text.length())));
        }
    }

    @Test
    void theShippedModelRunsAndVotesForTheBreachOverTheTeachingPost() {
        Votes votes = Votes.shared().orElseThrow(() -> new AssertionError("the fine-tuned model must run on the build machine"));
        int confidentiality = Category.CONFIDENTIALITY.ordinal();
        int respect = Category.RESPECT.ordinal();
        float[] breach = votes.of("Saw a 34yo in bay 4 today, the only Polish lorry driver in town, with DKA again. His wife had no idea!");
        float[] teaching = votes.of("Teaching session today on recognising DKA early: check ketones, fluids first. Slides on our trust intranet.");
        float[] rude = votes.of("The consultant on nights is a useless idiot who should never have been let near patients.");
        assertEquals(Category.values().length, breach.length);
        assertTrue(breach[confidentiality] > teaching[confidentiality] + 2, breach[confidentiality] + " vs " + teaching[confidentiality]);
        assertTrue(rude[respect] > teaching[respect] + 2, rude[respect] + " vs " + teaching[respect]);
        assertArrayEquals(breach, votes.of("Saw a 34yo in bay 4 today, the only Polish lorry driver in town, with DKA again. His wife had no idea!"));
        assertArrayEquals(new float[Category.values().length], votes.of("   "), "nothing to read: no vote");
        String longPost = "Our department ran a teaching session on sepsis recognition this week. ".repeat(40);
        assertEquals(Category.values().length, votes.of(longPost).length, "a long post is read from its start");
    }
}
