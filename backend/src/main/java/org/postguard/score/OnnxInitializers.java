package org.postguard.score;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an ONNX model's float weights lie in its protocol-buffer bytes, so that {@link Votes} can
 * overwrite them in place with fine-tuned ones: every {@code graph.initializer} of type FLOAT
 * stored as {@code raw_data}, by name, with its shape and the offset of its first byte. Writing
 * the same number of floats back keeps every length in the file as it was.
 *
 * <pre>{@code
 * OnnxInitializers.of(bytes).get("embeddings.position_embeddings.weight").dims(); // [512, 384]
 * }</pre>
 */
final class OnnxInitializers {
    /** One float weight: its shape, and where its little-endian values start. */
    record Initializer(long[] dims, int offset) {
    }

    private static final int FLOAT = 1;

    private final byte[] bytes;
    private int at;

    private OnnxInitializers(byte[] bytes) {
        this.bytes = bytes;
    }

    static Map<String, Initializer> of(byte[] model) {
        OnnxInitializers reader = new OnnxInitializers(model);
        Map<String, Initializer> found = new HashMap<>();
        while (reader.at < model.length) {
            long key = reader.varint();
            if (key == (7 << 3 | 2)) { // ModelProto.graph
                reader.graph(reader.endOfField(), found);
            } else {
                reader.skip(key);
            }
        }
        return found;
    }

    private void graph(int end, Map<String, Initializer> found) {
        while (at < end) {
            long key = varint();
            if (key == (5 << 3 | 2)) { // GraphProto.initializer
                tensor(endOfField(), found);
            } else {
                skip(key);
            }
        }
    }

    private void tensor(int end, Map<String, Initializer> found) {
        List<Long> dims = new ArrayList<>();
        long type = 0;
        String name = null;
        int offset = -1;
        long length = 0;
        while (at < end) {
            long key = varint();
            if (key == (1 << 3)) { // dims, one by one
                dims.add(varint());
            } else if (key == (1 << 3 | 2)) { // dims, packed
                int stop = endOfField();
                while (at < stop) {
                    dims.add(varint());
                }
            } else if (key == (2 << 3)) {
                type = varint();
            } else if (key == (8 << 3 | 2)) {
                int size = (int) varint();
                name = new String(bytes, at, size, StandardCharsets.UTF_8);
                at += size;
            } else if (key == (9 << 3 | 2)) { // raw_data
                length = varint();
                offset = at;
                at += (int) length;
            } else {
                skip(key);
            }
        }
        long count = dims.stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
        if (name != null && type == FLOAT && offset >= 0 && length == count * 4) {
            found.put(name, new Initializer(dims.stream().mapToLong(Long::longValue).toArray(), offset));
        }
    }

    private long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = bytes[at++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("not an ONNX model: a number runs past 64 bits");
    }

    private int endOfField() {
        long length = varint();
        if (length < 0 || at + length > bytes.length) {
            throw new IllegalArgumentException("not an ONNX model: a field runs past the end");
        }
        return at + (int) length;
    }

    private void skip(long key) {
        switch ((int) (key & 7)) {
            case 0 -> varint();
            case 1 -> at += 8;
            case 2 -> at = endOfField();
            case 5 -> at += 4;
            default -> throw new IllegalArgumentException("not an ONNX model: wire type " + (key & 7));
        }
    }
}
